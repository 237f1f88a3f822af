/* XtratuM partition ABI: object descriptors of read/write/seek/ctrl_object. */
#ifndef XM_OBJDIR_H
#define XM_OBJDIR_H

/* Descriptor: VALIDITY(1) | CLASS(11) | PARTITIONID(10) | ID(10). */
#define OBJDESC_BUILD(class, pid, id)                                                              \
    ((((class) & 0x7ff) << 20) | (((pid)&0x3ff) << 10) | ((id)&0x3ff))
#define OBJDESC_GET_CLASS(d) (((d) >> 20) & 0x7ff)
#define OBJDESC_GET_PARTITIONID(d) (((d) >> 10) & 0x3ff)
#define OBJDESC_GET_ID(d) ((d)&0x3ff)

/* The field masks and the setters XM-Q's objdir.h gives too. The validity
 * bit set means invalid. */
#define OBJDESC_VALIDITY_BIT 31
#define OBJDESC_VALIDITY_MASK (1u << OBJDESC_VALIDITY_BIT)
#define OBJDESC_CLASS_MASK 0x7ff
#define OBJDESC_PARTITIONID_MASK 0x3ff
#define OBJDESC_ID_MASK 0x3ff
#define OBJDESC_SET_CLASS(d, class)                                                                \
    (((d) & ~(OBJDESC_CLASS_MASK << 20)) | (((class) & OBJDESC_CLASS_MASK) << 20))
#define OBJDESC_SET_PARTITIONID(d, pid)                                                            \
    (((d) & ~(OBJDESC_PARTITIONID_MASK << 10)) | (((pid)&OBJDESC_PARTITIONID_MASK) << 10))
#define OBJDESC_SET_ID(d, id) (((d) & ~OBJDESC_ID_MASK) | ((id)&OBJDESC_ID_MASK))
#define OBJDESC_IS_VALID(d) (((xm_u32_t)(d)&OBJDESC_VALIDITY_MASK) ? 0 : 1)
#define OBJDESC_SET_INVALID(d) ((d) | OBJDESC_VALIDITY_MASK)
#define OBJDESC_SET_VALID(d) ((d) & ~OBJDESC_VALIDITY_MASK)

#define OBJ_CLASS_NULL 0
#define OBJ_CLASS_CONSOLE 1
#define OBJ_CLASS_TRACE 2
#define OBJ_CLASS_DIRECTORY 3
#define OBJ_CLASS_SAMPLING_PORT 4
#define OBJ_CLASS_QUEUING_PORT 5
#define OBJ_CLASS_MEM 6
#define OBJ_CLASS_HM 7
#define OBJ_CLASS_STATUS 8
#define OBJ_CLASS_UART 9
#define OBJ_CLASS_OBT 10
#define OBJ_CLASS_HM_APP 11
#define OBJ_NO_CLASSES 12

#endif
