/* XtratuM partition ABI: object descriptors of read/write/seek/ctrl_object. */
#ifndef XM_OBJDIR_H
#define XM_OBJDIR_H

/* Descriptor: VALIDITY(1) | CLASS(11) | PARTITIONID(10) | ID(10). */
#define OBJDESC_BUILD(class, pid, id)                                                              \
    ((((class) & 0x7ff) << 20) | (((pid)&0x3ff) << 10) | ((id)&0x3ff))
#define OBJDESC_GET_CLASS(d) (((d) >> 20) & 0x7ff)
#define OBJDESC_GET_PARTITIONID(d) (((d) >> 10) & 0x3ff)
#define OBJDESC_GET_ID(d) ((d)&0x3ff)

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
