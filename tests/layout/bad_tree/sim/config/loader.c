/* The configuration may not use Unicorn: the layout check must refuse it. */
#include <unicorn/unicorn.h>
