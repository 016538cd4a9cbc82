/* Two plain C programs that talk Binder the way programs written for the kernel's driver do:
 *   pingpong manager N WAIT   becomes the context manager, waits for work with WAIT (epoll,
 *                             poll or select on the device) and answers N calls with their
 *                             data reversed; prints "ready", then "served N".
 *   pingpong client N         makes N calls to handle 0 from two threads (each its own
 *                             binder thread), checks each reply; prints "ok".
 * Everything goes through the C library: open, mmap, ioctl, epoll/poll/select. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <unistd.h>

struct binder_write_read {
    uint64_t write_size, write_consumed, write_buffer;
    uint64_t read_size, read_consumed, read_buffer;
};
struct binder_transaction_data {
    uint64_t target;
    uint64_t cookie;
    uint32_t code, flags;
    int32_t sender_pid;
    uint32_t sender_euid;
    uint64_t data_size, offsets_size;
    uint64_t buffer, offsets;
};
#define BINDER_WRITE_READ _IOWR('b', 1, struct binder_write_read)
#define BINDER_SET_CONTEXT_MGR _IOW('b', 7, int32_t)
#define BC_TRANSACTION _IOW('c', 0, struct binder_transaction_data)
#define BC_REPLY _IOW('c', 1, struct binder_transaction_data)
#define BC_FREE_BUFFER _IOW('c', 3, uint64_t)
#define BC_ENTER_LOOPER _IO('c', 12)
#define BR_TRANSACTION _IOR('r', 2, struct binder_transaction_data)
#define BR_REPLY _IOR('r', 3, struct binder_transaction_data)

static int fd;

static void die(const char *what) {
    printf("failed: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void write_read(void *w, size_t wn, void *r, size_t rn, uint64_t *got) {
    struct binder_write_read b = {wn, 0, (uintptr_t)w, rn, 0, (uintptr_t)r};
    while (ioctl(fd, BINDER_WRITE_READ, &b) < 0)
        if (errno != EINTR)
            die("BINDER_WRITE_READ");
    if (got)
        *got = b.read_consumed;
}

/* The first BR_TRANSACTION or BR_REPLY (`want`) in a read, copied to `tr`. */
static int find(const uint8_t *buf, uint64_t n, uint32_t want, struct binder_transaction_data *tr) {
    for (uint64_t at = 0; at + 4 <= n;) {
        uint32_t cmd;
        memcpy(&cmd, buf + at, 4);
        at += 4;
        if (cmd == want) {
            memcpy(tr, buf + at, sizeof *tr);
            return 1;
        }
        at += _IOC_SIZE(cmd);
    }
    return 0;
}

static void wait_for_work(const char *how) {
    static int ep = -1;
    if (strcmp(how, "epoll") == 0) {
        if (ep < 0) {
            ep = epoll_create1(EPOLL_CLOEXEC);
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
            if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
                die("epoll_ctl");
        }
        struct epoll_event ev;
        int r = epoll_wait(ep, &ev, 1, 10000);
        if (r != 1 || ev.data.fd != fd)
            die("epoll_wait");
    } else if (strcmp(how, "poll") == 0) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 10000) != 1 || p.revents != POLLIN)
            die("poll");
    } else {
        fd_set r;
        FD_ZERO(&r);
        FD_SET(fd, &r);
        struct timeval tv = {10, 0};
        if (select(fd + 1, &r, NULL, NULL, &tv) != 1 || !FD_ISSET(fd, &r))
            die("select");
    }
}

static void manager(int n, const char *how) {
    int32_t zero = 0;
    if (ioctl(fd, BINDER_SET_CONTEXT_MGR, &zero) < 0)
        die("BINDER_SET_CONTEXT_MGR");
    uint32_t enter = BC_ENTER_LOOPER;
    write_read(&enter, 4, NULL, 0, NULL);
    printf("ready\n");
    fflush(stdout);
    for (int served = 0; served < n;) {
        wait_for_work(how);
        uint8_t in[512];
        uint64_t got;
        write_read(NULL, 0, in, sizeof in, &got);
        struct binder_transaction_data tr;
        if (!find(in, got, BR_TRANSACTION, &tr))
            continue;
        char reversed[256];
        size_t len = tr.data_size < sizeof reversed ? tr.data_size : sizeof reversed;
        for (size_t i = 0; i < len; i++)
            reversed[i] = ((const char *)(uintptr_t)tr.buffer)[len - 1 - i];
        struct __attribute__((packed)) {
            uint32_t free_cmd;
            uint64_t buffer;
            uint32_t reply_cmd;
            struct binder_transaction_data reply;
        } out = {BC_FREE_BUFFER, tr.buffer, BC_REPLY, {.data_size = len, .buffer = (uintptr_t)reversed}};
        write_read(&out, sizeof out, NULL, 0, NULL);
        served++;
    }
    printf("served %d\n", n);
}

static void *calls(void *arg) {
    int n = *(int *)arg;
    for (int i = 0; i < n; i++) {
        char msg[64];
        int len = snprintf(msg, sizeof msg, "call %d from %d", i, gettid());
        struct __attribute__((packed)) {
            uint32_t cmd;
            struct binder_transaction_data tr;
        } out = {BC_TRANSACTION, {.code = 1, .data_size = len, .buffer = (uintptr_t)msg}};
        uint8_t in[512];
        uint64_t got;
        struct binder_transaction_data reply;
        write_read(&out, sizeof out, in, sizeof in, &got);
        while (!find(in, got, BR_REPLY, &reply))
            write_read(NULL, 0, in, sizeof in, &got);
        const char *data = (const char *)(uintptr_t)reply.buffer;
        for (int j = 0; j < len; j++)
            if (reply.data_size != (uint64_t)len || data[j] != msg[len - 1 - j]) {
                printf("failed: reply %.*s to %s\n", (int)reply.data_size, data, msg);
                exit(1);
            }
        struct __attribute__((packed)) {
            uint32_t cmd;
            uint64_t buffer;
        } free_it = {BC_FREE_BUFFER, reply.buffer};
        write_read(&free_it, sizeof free_it, NULL, 0, NULL);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3)
        return 2;
    int n = atoi(argv[2]);
    fd = open("/dev/binder", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        die("open /dev/binder");
    if (mmap(NULL, 128 * 1024, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED)
        die("mmap");
    if (strcmp(argv[1], "manager") == 0) {
        manager(n, argc > 3 ? argv[3] : "epoll");
        return 0;
    }
    int half = n / 2, rest = n - n / 2;
    pthread_t t;
    pthread_create(&t, NULL, calls, &half);
    calls(&rest);
    pthread_join(t, NULL);
    printf("ok\n");
    return 0;
}
