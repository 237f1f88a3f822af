/* XtratuM partition ABI: basic types (XM-Q 1.0, SPARC V8).
 * Shared by hvcore and xal/: every width is fixed, all guest data big-endian. */
#ifndef XM_TYPES_H
#define XM_TYPES_H

#include <stdint.h>

typedef uint8_t xm_u8_t;
typedef int8_t xm_s8_t;
typedef uint16_t xm_u16_t;
typedef int16_t xm_s16_t;
typedef uint32_t xm_u32_t;
typedef int32_t xm_s32_t;
typedef uint64_t xm_u64_t;
typedef int64_t xm_s64_t;

typedef xm_s64_t xmTime_t; /* microseconds */
typedef xm_u32_t xmAddress_t;
typedef xm_u32_t xmSize_t;
typedef xm_u32_t xmId_t;
typedef xm_u32_t xmWord_t;
typedef xm_s32_t xmObjDesc_t;

#define MAX_XMTIME 0x7fffffffffffffffLL

#define XM_SET_VERSION(v, s, r) (((v) << 16) | ((s) << 8) | (r))
#define XM_VERSION XM_SET_VERSION(1, 0, 8)
/* As XM-Q's hypercalls.h: the parts, combined with XM_SET_VERSION for the
 * PCT's xmAbiVersion and xmApiVersion. */
#define XM_ABI_VERSION 1
#define XM_ABI_SUBVERSION 0
#define XM_ABI_REVISION 0
#define XM_API_VERSION 1
#define XM_API_SUBVERSION 0
#define XM_API_REVISION 1

#endif
