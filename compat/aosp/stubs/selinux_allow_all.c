/* binder-sim compat: the SELinux calls of AOSP's C servicemanager (cmds/servicemanager), answered
 * by a policy that allows everything. There is no SELinux policy for binder-sim's devices; the
 * servicemanager's uid checks (apps may not register, isolated apps may not find) still apply.
 * Linked instead of libselinux. Our own file; signatures follow <selinux/selinux.h>,
 * <selinux/label.h>, <selinux/avc.h> and <selinux/android.h>. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct selabel_handle { int unused; };
union selinux_callback { void *any; };

static struct selabel_handle the_handle;
static const char compat_context[] = "u:r:binder_sim_compat:s0";

static int new_context(char **con)
{
    *con = strdup(compat_context);
    return *con ? 0 : -1;
}

struct selabel_handle *selinux_android_service_context_handle(void) { return &the_handle; }
struct selabel_handle *selinux_android_vendor_service_context_handle(void) { return &the_handle; }
struct selabel_handle *selinux_android_hw_service_context_handle(void) { return &the_handle; }
void selabel_close(struct selabel_handle *h) { (void)h; }
int selabel_lookup(struct selabel_handle *h, char **con, const char *key, int type)
{
    (void)h; (void)key; (void)type;
    return new_context(con);
}
int getcon(char **con) { return new_context(con); }
int getpidcon(pid_t pid, char **con) { (void)pid; return new_context(con); }
void freecon(char *con) { free(con); }
int selinux_check_access(const char *scon, const char *tcon, const char *tclass, const char *perm,
                         void *auditdata)
{
    (void)scon; (void)tcon; (void)tclass; (void)perm; (void)auditdata;
    return 0; /* allowed */
}
void selinux_set_callback(int type, union selinux_callback cb) { (void)type; (void)cb; }
int selinux_status_open(int fallback) { (void)fallback; return 0; }
int selinux_status_updated(void) { return 0; }
static int log_to_stderr(int type, const char *fmt, va_list ap)
{
    (void)type;
    return vfprintf(stderr, fmt, ap);
}
int selinux_log_callback(int type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = log_to_stderr(type, fmt, ap);
    va_end(ap);
    return r;
}
int selinux_vendor_log_callback(int type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = log_to_stderr(type, fmt, ap);
    va_end(ap);
    return r;
}
