/* binder-sim compat: force-included into every AOSP translation unit we build.
 * AOSP is built with clang + libc++, whose headers pull in <memory>, <string.h>, ... transitively;
 * libstdc++ does not, so we include what AOSP's sources use without including. Our own file. */
#ifndef BINDER_SIM_COMPAT_PRELUDE_H
#define BINDER_SIM_COMPAT_PRELUDE_H
#include <string.h>
#include <stdlib.h>
#include <stdint.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
/* bionic's <limits.h> has it; glibc's has not */
#ifndef SIZE_T_MAX
#define SIZE_T_MAX SIZE_MAX
#endif
/* bionic's <sys/user.h> (through <limits.h>) has it; glibc's has not (binderLibTest uses it) */
#ifndef PAGE_SIZE
#define PAGE_SIZE 4096
#endif
/* bionic's <sys/cdefs.h> has it; glibc's has not (the C servicemanager uses it) */
#ifndef __unused
#define __unused __attribute__((__unused__))
#endif
#ifdef __cplusplus
#include <memory>
#include <string>
#include <vector>
#include <limits>
#include <mutex>
#endif
#endif
