// SPDX-License-Identifier: MIT OR GPL-2.0-only
// The same check as holders.bpf.c for kernels 5.12 to 6.6, which lack the open-coded
// VMA iterator: the maps come from iter/task_vma, one iterator step per mapping
// (slower: see docs/mount.md).
#include "holders_common.bpf.h"

SEC("iter/task")
int holders_tasks(struct bpf_iter__task *ctx) {
  check_links(ctx->meta->seq, ctx->task);
  return 0;
}

SEC("iter/task_vma")
int holders_maps(struct bpf_iter__task_vma *ctx) {
  struct task_struct *task = ctx->task;
  struct vm_area_struct *vma = ctx->vma;
  if (!task || !vma) return 0;
  int slot = my_share(task);
  if (slot >= 0) check_map(ctx->meta->seq, task, vma, slot);
  return 0;
}
