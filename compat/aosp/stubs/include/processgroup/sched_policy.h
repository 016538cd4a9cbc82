/* binder-sim compat: stand-in for libprocessgroup's header, which Debian does not ship.
 * libbinder includes it (through cutils/sched_policy.h) but calls nothing from it. Our own file. */
#pragma once
