/* sim/trace: the trace file (docs/trace.md): a self-describing header (format
 * version, board clock, system and partition names, the plans, the record
 * kinds with their field names, the ports and channels) followed by a stream of compact records
 * and, once the run ends, an end record with the count and the hash.
 * The reader below is the API other tools (the timeline GUI) use; it can
 * follow a file that is still being written. */
#ifndef SIM_TRACE_FILE_H
#define SIM_TRACE_FILE_H

#include "sim/common/sim_error.h"
#include "sim/common/symbols.h"
#include "sim/trace/trace.h"
#include <hvcore/config.h>
#include <stdbool.h>
#include <stdio.h>

#define SIM_TRACE_MAGIC "HVSTRACE"
#define SIM_TRACE_VERSION 3u
/* The first version whose header has the ports and channels; a version-1
 * file is still read, with port_count and channel_count 0. */
#define SIM_TRACE_VERSION_PORTS 2u
/* The first version whose header says which image each partition booted
 * (docs/xef.md); before it, images is NULL. */
#define SIM_TRACE_VERSION_IMAGES 3u

struct sim_trace_slot {
    uint32_t start_us, duration_us, partition;
};

struct sim_trace_plan {
    uint32_t id;
    char name[HV_NAME_MAX];
    uint32_t major_frame_us;
    uint32_t slot_count;
    struct sim_trace_slot *slots;
};

/* A record kind: its name and the names of the fields it uses ("" unused). */
#define SIM_TRACE_NAME_MAX 32
struct sim_trace_kind_info {
    uint16_t kind;
    char name[SIM_TRACE_NAME_MAX];
    char fields[3][SIM_TRACE_NAME_MAX]; /* a, b, c */
};

/* A port (XM_CF PortTable/Port): direction and type as enum
 * hv_port_direction and hv_port_type. */
struct sim_trace_port {
    char name[HV_NAME_MAX];
    uint32_t partition, direction, type;
};

/* A channel: type as enum hv_channel_type; ports are port indexes. */
struct sim_trace_channel {
    uint32_t type;
    uint32_t source_port;
    uint32_t destination_count;
    uint32_t *destinations;
};

/* The image a partition booted: an ELF, or a XEF file (its digest, payload
 * and flags). */
#define SIM_TRACE_XEF_BYTES 16
struct sim_trace_image {
    bool xef;
    uint32_t flags;
    uint8_t digest[SIM_TRACE_XEF_BYTES];
    uint8_t payload[SIM_TRACE_XEF_BYTES];
};

struct sim_trace_header {
    uint32_t version;
    uint32_t khz; /* the board clock: cycles per ms */
    char board[HV_NAME_MAX];
    char system[HV_NAME_MAX]; /* SystemDescription@name */
    uint32_t partition_count;
    char (*partition_names)[HV_NAME_MAX];
    uint32_t plan_count;
    struct sim_trace_plan *plans;
    uint32_t kind_count;
    struct sim_trace_kind_info *kinds;
    uint32_t port_count; /* 0 in a version-1 file */
    struct sim_trace_port *ports;
    uint32_t channel_count;
    struct sim_trace_channel *channels;
    struct sim_trace_image *images; /* one a partition; NULL before version 3 */
    /* Not in the file: each partition's function symbols, which the
     * exporters write PCs with (hvsim trace --elf), or NULL. */
    const struct sim_symbols *symbols;
};

/* The header of a run of config on board `board_name` at khz. */
enum sim_error sim_trace_header_from_config(struct sim_trace_header *header,
                                            const struct hv_config *config, const char *board_name,
                                            uint32_t khz);
void sim_trace_header_free(struct sim_trace_header *header);
/* The kind's description, or NULL for a kind this build does not know. */
const struct sim_trace_kind_info *sim_trace_header_kind(const struct sim_trace_header *header,
                                                        uint16_t kind);
/* The partition's name, "XM" for -1 (the hypervisor or idle), "P<n>" unknown. */
const char *sim_trace_header_partition(const struct sim_trace_header *header, int32_t partition,
                                       char buffer[HV_NAME_MAX]);

/* The kinds this build knows (sim/trace/trace_kinds.c). */
extern const struct sim_trace_kind_info sim_trace_kinds[];
extern const uint32_t sim_trace_kind_count;

/* --- writing ---------------------------------------------------------- */

struct sim_trace_writer;
/* Create path and write the header; problems as one line on diag. */
enum sim_error sim_trace_writer_open(struct sim_trace_writer **out, const char *path,
                                     const struct sim_trace_header *header, FILE *diag);
void sim_trace_writer_put(struct sim_trace_writer *writer, const struct sim_trace_record *record);
void sim_trace_writer_flush(struct sim_trace_writer *writer);
/* Write the end record (count, hash) and close; SIM_ERR_IO (reported) if
 * anything failed to be written. NULL is allowed. */
enum sim_error sim_trace_writer_close(struct sim_trace_writer *writer, uint64_t count,
                                      uint64_t hash, FILE *diag);

/* --- reading ---------------------------------------------------------- */

struct sim_trace_reader;
enum sim_trace_next {
    SIM_TRACE_RECORD,  /* *record holds the next record */
    SIM_TRACE_PENDING, /* no whole record yet: the file ends here for now (try again later) */
    SIM_TRACE_END,     /* the end record: the run is over */
    SIM_TRACE_CORRUPT, /* not a valid record (reported) */
};
/* Open path and read its header; problems as one line `path: message`. */
enum sim_error sim_trace_reader_open(struct sim_trace_reader **out, const char *path, FILE *diag);
/* The same from an open stream (fmemopen: a trace held in memory), which
 * the reader then owns and closes, even on failure; `path` names it in
 * messages. */
enum sim_error sim_trace_reader_open_stream(struct sim_trace_reader **out, const char *path,
                                            FILE *file, FILE *diag);
const struct sim_trace_header *sim_trace_reader_header(const struct sim_trace_reader *reader);
enum sim_trace_next sim_trace_reader_next(struct sim_trace_reader *reader,
                                          struct sim_trace_record *record);
/* The file's name, as given to open: what messages about it start with. */
const char *sim_trace_reader_path(const struct sim_trace_reader *reader);
/* Records read so far and the hash over them. */
uint64_t sim_trace_reader_count(const struct sim_trace_reader *reader);
uint64_t sim_trace_reader_hash(const struct sim_trace_reader *reader);
/* After SIM_TRACE_END: the count and hash the writer recorded. */
void sim_trace_reader_end(const struct sim_trace_reader *reader, uint64_t *count, uint64_t *hash);
void sim_trace_reader_close(struct sim_trace_reader *reader);

/* How a file ends, the one check every reader of whole files makes (the
 * exporters, `hvsim view`), after its last record. */
enum sim_trace_ending {
    SIM_TRACE_ENDS,       /* an end record that agrees with the records read */
    SIM_TRACE_UNFINISHED, /* no end record: the run is still going or did not finish */
    SIM_TRACE_DAMAGED,    /* a corrupt record, or an end record that disagrees (reported) */
};
/* next: what sim_trace_reader_next last returned. An end record that
 * disagrees is one line on diag, `path: message` (a corrupt record was
 * reported by the reader). */
enum sim_trace_ending sim_trace_reader_ending(struct sim_trace_reader *reader,
                                              enum sim_trace_next next, FILE *diag);
/* The whole file read once for sim_trace_reader_ending (a file that cannot
 * be opened is damaged): what an export checks before it writes anything. */
enum sim_trace_ending sim_trace_check_file(const char *path, FILE *diag);

#endif
