// SPDX-License-Identifier: MIT OR GPL-2.0-only
// BPF iterators that find every process holding something on one mount, for Linux
// 6.7+: its open files (iter/task_file), and its cwd, root, exe and memory maps
// (iter/task, the maps walked with the open-coded VMA iterator: one in-kernel loop
// per process, far cheaper than one iterator step per mapping). The kernel walks
// its own tables; only matches are written out. holders_compat.bpf.c does the
// same on older kernels.
#include "holders_common.bpf.h"

// The open-coded VMA iterator (kernel 6.7+): one in-kernel loop over a process's
// maps, far cheaper than one iterator step per mapping.
struct bpf_iter_task_vma {
  __u64 __opaque[1];
} __attribute__((aligned(8)));
extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task, __u64 addr) __ksym;
extern struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it) __ksym;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it) __ksym;

SEC("iter/task_file")
int holders_files(struct bpf_iter__task_file *ctx) {
  check_file(ctx->meta->seq, ctx->task, ctx->fd, ctx->file);
  return 0;
}

SEC("iter/task")
int holders_tasks(struct bpf_iter__task *ctx) {
  struct task_struct *task = ctx->task;
  struct seq_file *seq = ctx->meta->seq;
  int slot = check_links(seq, task);
  if (slot < 0 || !task->mm) return 0;  // not ours, or a kernel thread
  struct bpf_iter_task_vma it;
  struct vm_area_struct *vma;
  if (bpf_iter_task_vma_new(&it, task, 0) == 0) {
    while ((vma = bpf_iter_task_vma_next(&it))) check_map(seq, task, vma, slot);
  } else {
    emit(seq, task, HOLDER_MAPS_UNREAD, 0, 0);  // its map lock was busy: /proc says
  }
  bpf_iter_task_vma_destroy(&it);
  return 0;
}
