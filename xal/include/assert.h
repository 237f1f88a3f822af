/* xal: <assert.h> as XtratuM's XAL has it: checked only when _DEBUG_ is
 * defined; a failed assertion prints file, line and expression and halts
 * the partition. */
#ifndef XAL_ASSERT_H
#define XAL_ASSERT_H

void xal_assert_failed(const char *file, unsigned line, const char *expression);

#ifdef _DEBUG_
#define assert(exp) ((exp) ? (void)0 : xal_assert_failed(__FILE__, __LINE__, #exp))
#else
#define assert(exp) ((void)0)
#endif
#define ASSERT(exp) assert(exp)

#endif
