/* tests/fuzz: checks of a loader's messages (fuzz_report.h). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_report.h"

#include <stdlib.h>
#include <string.h>

bool fuzz_report_open(struct fuzz_report *r)
{
    r->text = NULL;
    r->size = 0;
    r->stream = open_memstream(&r->text, &r->size);
    return r->stream != NULL;
}

static void breach(const char *what, const char *text)
{
    fprintf(stderr, "fuzz: %s:\n%s\n", what, text);
    abort();
}

void fuzz_report_check(struct fuzz_report *r, const char *name, bool failed)
{
    fclose(r->stream);
    size_t length = strlen(name);
    if (failed && r->size == 0)
        breach("the input was refused without a message", "");
    for (const char *line = r->text; *line != '\0';) {
        if (strncmp(line, name, length) != 0 || line[length] != ':')
            breach("a message does not name the input", r->text);
        const char *end = strchr(line, '\n');
        if (end == NULL)
            breach("a message does not end its line", r->text);
        line = end + 1;
    }
    free(r->text);
}
