// SPDX-License-Identifier: MIT OR GPL-2.0-only
// BPF iterators that find every process holding something on one mount: an open
// file (iter/task_file), a memory map (iter/task_vma), or its cwd, root or
// executable (iter/task). The kernel walks its own tables; only matches are
// written out, so nothing is formatted for the thousands of files that do not count.
//
// The kernel structures are declared here with only the fields used, marked
// preserve_access_index: libbpf relocates each field against the running kernel's
// BTF at load time (CO-RE), so no vmlinux.h is needed to build.
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
struct bpf_iter__task_file {
  struct bpf_iter_meta *meta;
  struct task_struct *task;
  __u32 fd;
  struct file *file;
} CORE;

// The open-coded VMA iterator (kernel 6.7+): one in-kernel loop over a process's
// maps, far cheaper than one iterator step per mapping.
struct bpf_iter_task_vma {
  __u64 __opaque[1];
} __attribute__((aligned(8)));
extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task, __u64 addr) __ksym;
extern struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it) __ksym;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it) __ksym;

char LICENSE[] SEC("license") = "Dual MIT/GPL";  // the helpers used are GPL-only

// Set by the reader before each walk. Up to two walkers (threads of the reader,
// each reading its own iterators at the same time) share the work; a walker knows
// itself by its thread id. Walker 0 checks every process's open files and the
// maps, cwd, root and exe of the processes whose tgid hashes below `split` (of
// 256); walker 1 those of the others.
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

SEC("iter/task_file")
int holders_files(struct bpf_iter__task_file *ctx) {
  struct task_struct *task = ctx->task;
  struct file *file = ctx->file;
  if (!task || !file) return 0;
  int slot = walker();  // only walker 0 runs this one, over every process
  if (slot < 0) return 0;
  if (mount_id_of(file->f_path.mnt, slot) == target_mnt_id) emit(ctx->meta->seq, task, HOLDER_FD, ctx->fd, 0);
  return 0;
}

SEC("iter/task")
int holders_tasks(struct bpf_iter__task *ctx) {
  struct task_struct *task = ctx->task;
  if (!task) return 0;
  if (task->pid != task->tgid) return 0;  // threads share these
  int slot = my_share(task);
  if (slot < 0) return 0;
  struct fs_struct *fs = task->fs;
  if (fs) {
    if (mount_id_of(fs->pwd.mnt, slot) == target_mnt_id) emit(ctx->meta->seq, task, HOLDER_CWD, 0, 0);
    if (mount_id_of(fs->root.mnt, slot) == target_mnt_id) emit(ctx->meta->seq, task, HOLDER_ROOT, 0, 0);
  }
  struct mm_struct *mm = task->mm;
  if (!mm) return 0;  // a kernel thread
  struct file *exe = mm->exe_file;
  if (exe && mount_id_of(exe->f_path.mnt, slot) == target_mnt_id) emit(ctx->meta->seq, task, HOLDER_EXE, 0, 0);
  struct bpf_iter_task_vma it;
  struct vm_area_struct *vma;
  if (bpf_iter_task_vma_new(&it, task, 0) == 0) {
    while ((vma = bpf_iter_task_vma_next(&it))) {
      struct file *file = vma->vm_file;
      if (file && mount_id_of(file->f_path.mnt, slot) == target_mnt_id)
        emit(ctx->meta->seq, task, HOLDER_MAP, vma->vm_start, vma->vm_end);
    }
  } else {
    emit(ctx->meta->seq, task, HOLDER_MAPS_UNREAD, 0, 0);  // its map lock was busy: /proc says
  }
  bpf_iter_task_vma_destroy(&it);
  return 0;
}
