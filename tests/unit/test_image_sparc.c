/* A LEON3 program for the image loader's tests (built with the SPARC cross
 * compiler, never for the host): code, initialised data and .bss, so that
 * the loaded segment has both file bytes and a zero-filled tail. */
int counter = 5;
int zeroed[64];

void start(void);

void start(void)
{
    for (;;) {
        zeroed[counter & 63]++;
        counter++;
    }
}
