// SPDX-License-Identifier: MIT OR GPL-2.0-only
// What both BPF objects share (holders.bpf.c for Linux 6.7+, holders_compat.bpf.c
// for 5.12+): the kernel structures, the reader's settings, the per-walker mount
// cache, the checks of one open file and of one process's cwd, root and exe, and
// the open-file walk.
//
// The kernel structures are declared here with only the fields used, marked
// preserve_access_index: libbpf relocates each field against the running kernel's
// BTF at load time (CO-RE), so no vmlinux.h is needed to build.
#ifndef NPEMU_HOLDERS_COMMON_BPF_H
#define NPEMU_HOLDERS_COMMON_BPF_H
#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#include "holders_record.h"

#define CORE __attribute__((preserve_access_index))

struct seq_file;
struct vfsmount {
  int mnt_flags;
} CORE;
struct mount {
  struct vfsmount mnt;
  int mnt_id;
} CORE;
struct path {
  struct vfsmount *mnt;
} CORE;
struct file {
  struct path f_path;
} CORE;
struct fs_struct {
  struct path root, pwd;
} CORE;
struct mm_struct {
  struct file *exe_file;
} CORE;
struct vm_area_struct {
  unsigned long vm_start;
  unsigned long vm_end;
  struct file *vm_file;
} CORE;
struct task_struct {
  int pid;
  int tgid;
  char comm[16];
  struct fs_struct *fs;
  struct mm_struct *mm;
} CORE;

struct bpf_iter_meta {
  struct seq_file *seq;
} CORE;
struct bpf_iter__task {
  struct bpf_iter_meta *meta;
  struct task_struct *task;
} CORE;
struct bpf_iter__task_vma {
  struct bpf_iter_meta *meta;
  struct task_struct *task;
  struct vm_area_struct *vma;
} CORE;
struct bpf_iter__task_file {
  struct bpf_iter_meta *meta;
  struct task_struct *task;
  __u32 fd;
  struct file *file;
} CORE;

char LICENSE[] SEC("license") = "Dual MIT/GPL";  // the helpers used are GPL-only

// Set by the reader before each walk. Up to two walkers (threads of the reader,
// each reading its own iterators at the same time) share the work; a walker knows
// itself by its thread id. Walker 0 checks every process's open files; the maps,
// cwd, root and exe are checked by walker 0 for the processes whose tgid hashes
// below `split` (of 256) and by walker 1 for the others.
int target_mnt_id = -1;
__u32 split = 256;
__u32 walker_tid[2];
// Per walker, the last mount looked up and its id: nearly every file is on the
// mount seen just before, and a probe read costs more than the rest of a visit.
__u64 last_mnt[2];
int last_mnt_id[2];

static __always_inline int walker(void) {
  __u32 tid = (__u32)bpf_get_current_pid_tgid();
  return tid == walker_tid[0] ? 0 : tid == walker_tid[1] ? 1 : -1;
}

// Walker 0 or 1 when this process is its share, else -1. The tgid is hashed
// (Fibonacci hashing), so neighbouring pids spread over both walkers.
static __always_inline int my_share(struct task_struct *task) {
  int w = walker();
  __u32 bucket = ((__u32)task->tgid * 2654435761u) >> 24;
  if (w < 0 || (bucket < split) != (w == 0)) return -1;
  return w;
}

static __always_inline int mount_id_of(struct vfsmount *m, int slot) {
  if (!m) return -1;
  slot &= 1;
  if ((__u64)m == last_mnt[slot]) return last_mnt_id[slot];
  // struct mount wraps struct vfsmount: step back to it (container_of).
  struct mount *outer = (struct mount *)((char *)m - bpf_core_field_offset(struct mount, mnt));
  int id = BPF_CORE_READ(outer, mnt_id);
  last_mnt[slot] = (__u64)m;
  last_mnt_id[slot] = id;
  return id;
}

static __always_inline void emit(struct seq_file *seq, struct task_struct *task, __u32 kind, __u64 a, __u64 b) {
  struct holder_record r = {};
  r.tgid = task->tgid;
  r.kind = kind;
  r.a = a;
  r.b = b;
  bpf_probe_read_kernel_str(r.comm, sizeof r.comm, task->comm);
  bpf_seq_write(seq, &r, sizeof r);
}

// The open file of one descriptor (walker 0 sees them all).
static __always_inline void check_file(struct seq_file *seq, struct task_struct *task, __u32 fd, struct file *file) {
  if (!task || !file) return;
  int slot = walker();
  if (slot < 0) return;
  if (mount_id_of(file->f_path.mnt, slot) == target_mnt_id) emit(seq, task, HOLDER_FD, fd, 0);
}

// A process's cwd, root and exe; its walker's slot, or -1 when it is not this
// walker's share (or a thread: threads share these with their process).
static __always_inline int check_links(struct seq_file *seq, struct task_struct *task) {
  if (!task || task->pid != task->tgid) return -1;
  int slot = my_share(task);
  if (slot < 0) return -1;
  struct fs_struct *fs = task->fs;
  if (fs) {
    if (mount_id_of(fs->pwd.mnt, slot) == target_mnt_id) emit(seq, task, HOLDER_CWD, 0, 0);
    if (mount_id_of(fs->root.mnt, slot) == target_mnt_id) emit(seq, task, HOLDER_ROOT, 0, 0);
  }
  struct mm_struct *mm = task->mm;
  struct file *exe = mm ? mm->exe_file : 0;
  if (exe && mount_id_of(exe->f_path.mnt, slot) == target_mnt_id) emit(seq, task, HOLDER_EXE, 0, 0);
  return slot;
}

// One memory map of a process this walker checks.
static __always_inline void check_map(struct seq_file *seq, struct task_struct *task, struct vm_area_struct *vma,
                                      int slot) {
  struct file *file = vma->vm_file;
  if (file && mount_id_of(file->f_path.mnt, slot) == target_mnt_id)
    emit(seq, task, HOLDER_MAP, vma->vm_start, vma->vm_end);
}

// Both objects' open-file walk (walker 0 runs it over every process).
SEC("iter/task_file")
int holders_files(struct bpf_iter__task_file *ctx) {
  check_file(ctx->meta->seq, ctx->task, ctx->fd, ctx->file);
  return 0;
}

#endif
