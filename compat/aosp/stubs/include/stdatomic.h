/* binder-sim compat: in C++, bionic's/libc++'s <stdatomic.h> maps C11 atomics onto <atomic> and
 * puts memory_order_* in the global namespace (libbinder's IMemory.cpp relies on that); GCC 12's
 * does not. Our own file. */
#pragma once
#ifdef __cplusplus
#include <atomic>
using std::memory_order;
using std::memory_order_relaxed;
using std::memory_order_consume;
using std::memory_order_acquire;
using std::memory_order_release;
using std::memory_order_acq_rel;
using std::memory_order_seq_cst;
#else
#include_next <stdatomic.h>
#endif
