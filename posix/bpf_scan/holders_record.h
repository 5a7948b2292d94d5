/* One match written by holders.bpf.c and read by bpf_scan.cpp (same layout both sides). */
#ifndef NPEMU_HOLDERS_RECORD_H
#define NPEMU_HOLDERS_RECORD_H

enum holder_kind { HOLDER_FD = 1, HOLDER_MAP = 2, HOLDER_CWD = 3, HOLDER_ROOT = 4, HOLDER_EXE = 5, HOLDER_MAPS_UNREAD = 6 };

struct holder_record {
  __u32 tgid;
  __u32 kind;  /* enum holder_kind */
  __u64 a;     /* FD: the fd; MAP: the mapping's start */
  __u64 b;     /* MAP: the mapping's end */
  char comm[16];
};

#endif
