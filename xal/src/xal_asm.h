/* xal: constants shared by C and the start-up assembly (checked in libxm.c). */
#ifndef XAL_ASM_H
#define XAL_ASM_H

/* offsetof(partitionControlTable_t, id) */
#define XAL_PCT_ID_OFFSET 28

/* A SPARC frame must leave room for the callee to spill a register window
 * (16 words), the struct-return word and 6 argument words: 96 bytes. */
#define XAL_MIN_FRAME 96

#endif
