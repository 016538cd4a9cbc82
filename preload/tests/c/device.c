/* A plain C program on /dev/binder, as programs written for the kernel's driver are: every
 * call goes through the C library. Prints one line per check, "name value"; the test holds
 * the kernel's answers. Mode "open" only opens (and says why it could not). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct binder_write_read {
    uint64_t write_size, write_consumed, write_buffer;
    uint64_t read_size, read_consumed, read_buffer;
};
#define BINDER_WRITE_READ _IOWR('b', 1, struct binder_write_read)
#define BINDER_SET_MAX_THREADS _IOW('b', 5, uint32_t)
#define BINDER_VERSION _IOWR('b', 9, int32_t)
#define BINDER_THREAD_EXIT _IOW('b', 8, int32_t)
#define BC_ENTER_LOOPER _IO('c', 12)

/* As AOSP's IPCThreadState: a thread-specific destructor says BINDER_THREAD_EXIT when the
 * thread ends (after the shim's own thread-locals are gone). */
static int binder_fd;
static int exit_result = 1;
static pthread_key_t key;
static void thread_destructor(void *unused) {
    (void)unused;
    exit_result = ioctl(binder_fd, BINDER_THREAD_EXIT, 0);
}
static void *binder_thread(void *unused) {
    (void)unused;
    int32_t v;
    ioctl(binder_fd, BINDER_VERSION, &v);
    pthread_setspecific(key, &v);
    return NULL;
}

static const char *err(int r) { return r < 0 ? strerrorname_np(errno) : "ok"; }
#define SAY(name, r) printf("%s %s\n", name, err(r))

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "open") == 0) {
        SAY("access", access("/dev/binder", F_OK));
        SAY("open", open("/dev/binder", O_RDWR | O_CLOEXEC));
        return 0;
    }
    /* The device files exist, as character devices, for access and stat. */
    SAY("access", access("/dev/vndbinder", R_OK | W_OK));
    SAY("access-x", access("/dev/binder", X_OK));
    SAY("access-other", access("/dev/binder-nothing", F_OK));
    struct stat st;
    SAY("stat", stat("/dev/hwbinder", &st));
    printf("chr %d mode %o\n", S_ISCHR(st.st_mode), st.st_mode & 0777);
    int fd = open("/dev/binder", O_RDWR | O_CLOEXEC);
    SAY("open", fd);
    SAY("fstat", fstat(fd, &st));
    printf("chr %d\n", S_ISCHR(st.st_mode));
    printf("cloexec %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    int plain = openat(AT_FDCWD, "/dev/binderfs/binder", O_RDWR);
    printf("plain-cloexec %d\n", (fcntl(plain, F_GETFD) & FD_CLOEXEC) != 0);
    close(plain);

    int32_t v = 0;
    SAY("version", ioctl(fd, BINDER_VERSION, &v));
    printf("protocol %d\n", v);
    /* A request held in an int (as AOSP's binderDriverInterfaceTest does) reaches ioctl
     * sign-extended; the kernel takes its low 32 bits. */
    int request = (int)BINDER_VERSION;
    SAY("version-int-request", ioctl(fd, request, &v));
    SAY("version-null", ioctl(fd, BINDER_VERSION, NULL));
    SAY("write-read-null", ioctl(fd, BINDER_WRITE_READ, NULL));
    SAY("write-read-unmapped", ioctl(fd, BINDER_WRITE_READ, (void *)0x10));
    SAY("write-read-kernel-half", ioctl(fd, BINDER_WRITE_READ, (void *)0xffff888000000000ul));
    struct binder_write_read bwr = {.write_size = 4, .write_buffer = 0x10};
    SAY("write-buffer-unmapped", ioctl(fd, BINDER_WRITE_READ, &bwr));
    SAY("max-threads-null", ioctl(fd, BINDER_SET_MAX_THREADS, NULL));
    uint32_t n = 4;
    SAY("max-threads", ioctl(fd, BINDER_SET_MAX_THREADS, &n));

    SAY("mmap-writable", mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED ? -1 : 0);
    void *m = mmap(NULL, 65536, PROT_READ, MAP_PRIVATE, fd, 0);
    SAY("mmap", m == MAP_FAILED ? -1 : 0);
    SAY("mmap-again", mmap(NULL, 65536, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED ? -1 : 0);
    SAY("mprotect-writable", mprotect(m, 4096, PROT_READ | PROT_WRITE));
    printf("readable %d\n", ((volatile char *)m)[0] == 0);

    /* Nothing to read: poll says so at once and never says writable. */
    struct pollfd p = {fd, POLLIN | POLLOUT, 0};
    printf("poll %d revents %d\n", poll(&p, 1, 0), p.revents);
    struct timespec zero = {0, 0};
    printf("ppoll %d\n", ppoll(&p, 1, &zero, NULL));
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(fd, &r);
    FD_SET(fd, &w);
    struct timeval tv = {0, 0};
    printf("select %d\n", select(fd + 1, &r, &w, NULL, &tv));
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u64 = 77};
    SAY("epoll-add", epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
    printf("epoll-wait %d\n", epoll_wait(ep, &ev, 1, 0));
    SAY("epoll-mod", epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev));
    SAY("epoll-del", epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL));
    SAY("epoll-del-again", epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL));

    /* A forked child: may not map the inherited device (EINVAL, as the kernel), nor (here,
     * narrower than the kernel) make ioctls on it; closing its copy harms nobody. */
    pid_t child = fork();
    if (child == 0) {
        int32_t cv = 0;
        int a = ioctl(fd, BINDER_VERSION, &cv);
        int ae = errno;
        void *cm = mmap(NULL, 65536, PROT_READ, MAP_PRIVATE, fd, 0);
        int be = errno;
        close(fd);
        _exit((a < 0 && ae == EINVAL ? 1 : 0) | (cm == MAP_FAILED && be == EINVAL ? 2 : 0));
    }
    int status = 0;
    waitpid(child, &status, 0);
    printf("child %d\n", WEXITSTATUS(status));
    SAY("version-after-child", ioctl(fd, BINDER_VERSION, &v));

    binder_fd = fd;
    pthread_key_create(&key, thread_destructor);
    pthread_t t;
    pthread_create(&t, NULL, binder_thread, NULL);
    pthread_join(t, NULL);
    SAY("thread-exit-in-destructor", exit_result);

    int d = dup(fd);
    int d2 = fcntl(fd, F_DUPFD_CLOEXEC, 100);
    int d3 = dup3(fd, 200, O_CLOEXEC);
    SAY("version-dup", ioctl(d, BINDER_VERSION, &v));
    SAY("version-dupfd", ioctl(d2, BINDER_VERSION, &v));
    SAY("version-dup3", ioctl(d3, BINDER_VERSION, &v));
    printf("getfl %d\n", fcntl(d, F_GETFL) & (O_ACCMODE | O_NONBLOCK));
    close(fd);
    close(d2);
    close(d3);
    SAY("version-after-close", ioctl(d, BINDER_VERSION, &v));
    close(d);
    SAY("version-closed", ioctl(d, BINDER_VERSION, &v));
    SAY("munmap", munmap(m, 65536));
    /* The vma is gone; the driver's allocator stays set up: no second mapping. */
    int again = open("/dev/hwbinder", O_RDWR | O_CLOEXEC);
    void *a = mmap(NULL, 65536, PROT_READ, MAP_PRIVATE, again, 0);
    SAY("munmap-again", munmap(a, 65536));
    SAY("mmap-after-munmap", mmap(NULL, 65536, PROT_READ, MAP_PRIVATE, again, 0) == MAP_FAILED ? -1 : 0);
    close(again);

    int nb = open("/dev/vndbinder", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    printf("nonblock-getfl %d\n", (fcntl(nb, F_GETFL) & O_NONBLOCK) != 0);
    uint32_t cmd = BC_ENTER_LOOPER;
    char buf[256];
    struct binder_write_read rd = {.write_size = 4, .write_buffer = (uintptr_t)&cmd,
                                   .read_size = sizeof buf, .read_buffer = (uintptr_t)buf};
    /* A new thread's first read returns at once (looper_need_return); the next finds
     * nothing and would block. */
    SAY("nonblock-first-read", ioctl(nb, BINDER_WRITE_READ, &rd));
    printf("consumed %llu\n", (unsigned long long)rd.write_consumed);
    rd.write_size = 0;
    rd.read_consumed = 0;
    SAY("nonblock-read", ioctl(nb, BINDER_WRITE_READ, &rd));
    printf("read %llu %x\n", (unsigned long long)rd.read_consumed, *(uint32_t *)buf);
    close(nb);
    return 0;
}
