/* sim/cli: the project `hvsim new` writes (sdk/template/, compiled in by
 * sdk/embed_template.cmake). "@PROJECT@" in a file stands for the project's
 * name. */
#ifndef SIM_CLI_NEW_TEMPLATE_H
#define SIM_CLI_NEW_TEMPLATE_H

struct sim_new_file {
    const char *name; /* the file's name in the project folder */
    const char *text;
};

extern const struct sim_new_file sim_new_template[];
extern const unsigned sim_new_template_count;

#endif
