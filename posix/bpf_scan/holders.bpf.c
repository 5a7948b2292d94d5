// SPDX-License-Identifier: MIT OR GPL-2.0-only
// BPF iterators that find every process holding something on one mount, for Linux
// 6.7+: its open files (iter/task_file), and its cwd, root, exe and memory maps
// (iter/task). The maps are read straight from the process's maple tree, a node at
// a time; when that walk cannot finish, the open-coded VMA iterator (one mapping
// at a time, under the map lock) does it. The kernel walks its own tables; only
// matches are written out. holders_compat.bpf.c does the same on older kernels.
#include <linux/bpf.h>

#include "holders_common.bpf.h"

// The open-coded VMA iterator (kernel 6.7+): one in-kernel loop over a process's
// maps, far cheaper than one iterator step per mapping.
struct bpf_iter_task_vma {
  __u64 __opaque[1];
} __attribute__((aligned(8)));
extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task, __u64 addr) __ksym;
extern struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it) __ksym;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it) __ksym;

// The maple tree of a process's maps, read directly (no lock, no reference: the
// iterator runs under RCU, which keeps nodes and VMAs from being freed). Node
// layout and pointer encoding as in lib/maple_tree.c. Anything unexpected (a node
// being replaced, a type never used for maps, a deeper tree than kMaxDepth, more
// matches than kMaxFound) makes the walk give up: the task is then walked with
// the VMA iterator above, under its lock.
struct maple_metadata {
  unsigned char end;
} CORE;
struct maple_range_64 {
  unsigned long pivot[15];
  union {
    void *slot[16];
    struct {
      void *pad[15];
      struct maple_metadata meta;
    };
  };
} CORE;
struct maple_arange_64 {
  unsigned long pivot[9];
  void *slot[10];
  struct maple_metadata meta;
} CORE;
struct maple_node {
  union {
    struct {
      void *parent;
    };
    struct maple_range_64 mr64;
    struct maple_arange_64 ma64;
  };
} CORE;
struct maple_tree {
  void *ma_root;
} CORE;
struct mm_struct___maple {
  struct maple_tree mm_mt;
} __attribute__((preserve_access_index));
struct vm_area_struct___maple {
  unsigned long vm_start;
  unsigned long vm_end;
  struct mm_struct *vm_mm;
  struct file *vm_file;
} __attribute__((preserve_access_index));

// A read-only typed view of a kernel address (kfunc, Linux 6.2+): plain loads, no probe reads.
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

// Node types (enum maple_type): a maps tree tracks gaps, so its inner nodes are
// arange_64 and its leaves leaf_64. Encoded pointers: the root is node | type << 3
// | 4 | 2, a child node | type << 3 | 4 (lib/maple_tree.c, mte_mk_root, mt_mk_node).
enum { kLeaf64 = 1, kArange64 = 3, kMaxDepth = 8, kMaxFound = 4 };

struct maple_walk {
  __u64 mm;
  __u64 node[kMaxDepth];  // encoded entries, root first
  __u64 max[kMaxDepth];   // the last index each covers
  __u8 next[kMaxDepth];   // next slot of each node
  int depth;              // top of the stack; -1 when done
  __u64 copied;           // the node now in maple_copy
  int slot;               // the walker (its mount cache)
  int found;
  int gave_up;
  __u64 start[kMaxFound], end[kMaxFound];
};

static __always_inline int is_root_node(__u64 e) { return (e & 3) == 2 && e > 4096; }

static __always_inline void check_vma_at(struct maple_walk *w, __u64 entry) {
  if (!entry || (entry & 3) == 2) return;  // a gap, or an internal marker
  struct vm_area_struct___maple *vma = bpf_rdonly_cast((void *)entry, bpf_core_type_id_kernel(struct vm_area_struct___maple));
  if ((__u64)vma->vm_mm != w->mm) return;  // reused for another process meanwhile
  struct file *file = vma->vm_file;
  if (!file) return;
  struct vfsmount *m = BPF_CORE_READ(file, f_path.mnt);
  if (mount_id_of(m, w->slot) != target_mnt_id) return;
  if (w->found >= kMaxFound) {
    w->gave_up = 1;
    return;
  }
  int i = w->found & (kMaxFound - 1);
  w->start[i] = vma->vm_start;
  w->end[i] = vma->vm_end;
  w->found++;
}

// A node is copied whole (one read) into this per-CPU buffer before it is looked
// at: the verifier cannot type a read through the node's unions, and one copy is
// cheaper than a read per slot.
struct node_copy {
  __u64 word[32];
};
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct node_copy);
} maple_copy SEC(".maps");

// One step: one slot of the node on top of the stack (a map of a leaf, or a child
// of an internal node, pushed). The node is copied when it comes on top. A global
// function: the verifier checks it once, with the walk's state unknown, instead of
// once per state the loop could reach.
__attribute__((noinline)) long maple_walk_step(struct maple_walk *w) {
  if (!w) return 1;
  int d = w->depth;
  if (d < 0 || w->gave_up) return 1;
  d &= kMaxDepth - 1;
  __u64 e = w->node[d];
  __u64 base = e & ~255UL;
  __u32 zero = 0;
  struct node_copy *c = bpf_map_lookup_elem(&maple_copy, &zero);
  if (!c) {
    w->gave_up = 1;
    return 1;
  }
  if (w->copied != base) {
    if (bpf_probe_read_kernel(c, sizeof *c, (void *)base) != 0 || c->word[0] == base) {
      w->gave_up = 1;  // unreadable, or dead (its parent is itself): the tree is being changed
      return 1;
    }
    w->copied = base;
  }
  __u32 type = (e >> 3) & 15;
  unsigned i = w->next[d];
  if (type == kLeaf64) {
    __u32 piv = (bpf_core_field_offset(struct maple_node, mr64) + bpf_core_field_offset(struct maple_range_64, pivot)) / 8;
    __u32 slot = (bpf_core_field_offset(struct maple_node, mr64) + bpf_core_field_offset(struct maple_range_64, slot)) / 8;
    __u32 meta = bpf_core_field_offset(struct maple_node, mr64) + bpf_core_field_offset(struct maple_range_64, meta);
    __u64 last = c->word[(piv + 14) & 31];
    unsigned end = last == 0 ? ((__u8 *)c)[meta & 255] : last == w->max[d] ? 14 : 15;
    if (i > end || i > 15) {
      w->depth--;
      return 0;
    }
    w->next[d] = i + 1;
    check_vma_at(w, c->word[(slot + i) & 31]);
    return 0;
  }
  if (type != kArange64) {
    w->gave_up = 1;
    return 1;
  }
  __u32 piv = (bpf_core_field_offset(struct maple_node, ma64) + bpf_core_field_offset(struct maple_arange_64, pivot)) / 8;
  __u32 slot = (bpf_core_field_offset(struct maple_node, ma64) + bpf_core_field_offset(struct maple_arange_64, slot)) / 8;
  __u32 meta = bpf_core_field_offset(struct maple_node, ma64) + bpf_core_field_offset(struct maple_arange_64, meta);
  unsigned end = ((__u8 *)c)[meta & 255];
  if (i > end || i > 9) {
    w->depth--;
    return 0;
  }
  w->next[d] = i + 1;
  __u64 child = c->word[(slot + i) & 31];
  __u64 child_max = i < end && i < 9 ? c->word[(piv + i) & 31] : w->max[d];
  if (!child) return 0;
  if (!(child & 4) || child < 4096 || d + 1 >= kMaxDepth) {  // a child is a node | type << 3 | 4
    w->gave_up = 1;
    return 1;
  }
  int n = (d + 1) & (kMaxDepth - 1);
  w->node[n] = child;
  w->max[n] = child_max;
  w->next[n] = 0;
  w->depth = n;
  return 0;
}

// How many map walks were done by the tree and how many gave up (for tests).
__u64 tree_walks = 0, tree_gave_up = 0;

static long maple_step(__u64 index, void *arg) { return maple_walk_step(arg) ? 1 : 0; }

// The process's maps on the target mount, by the maple walk; false when it gave up.
static __always_inline int maps_by_tree(struct seq_file *seq, struct task_struct *task, int slot) {
  struct mm_struct___maple *mm = bpf_rdonly_cast(task->mm, bpf_core_type_id_kernel(struct mm_struct___maple));
  __u64 root = (__u64)mm->mm_mt.ma_root;
  if (!root) return 1;  // no maps at all
  if (!is_root_node(root)) return 0;
  struct maple_walk w = {};
  w.mm = (__u64)task->mm;
  w.node[0] = root;
  w.max[0] = ~0UL;
  w.slot = slot;
  bpf_loop(1 << 18, maple_step, &w, 0);
  if (w.gave_up || w.depth >= 0) {
    __sync_fetch_and_add(&tree_gave_up, 1);
    return 0;
  }
  __sync_fetch_and_add(&tree_walks, 1);
  for (int i = 0; i < kMaxFound; i++)
    if (i < w.found) emit(seq, task, HOLDER_MAP, w.start[i], w.end[i]);
  return 1;
}

SEC("iter/task")
int holders_tasks(struct bpf_iter__task *ctx) {
  struct task_struct *task = ctx->task;
  struct seq_file *seq = ctx->meta->seq;
  int slot = check_links(seq, task);
  if (slot < 0 || !task->mm) return 0;  // not ours, or a kernel thread
  if (maps_by_tree(seq, task, slot)) return 0;
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
