// binder-sim compat: waits until a context manager answers PING_TRANSACTION at handle 0 of
// /dev/binder (or argv[1]), using AOSP's own libbinder. Exits 0 once it answers, 1 after
// argv[2] seconds (default 10). run.sh starts the C servicemanager in the background and runs
// this before the tests, so that no test races the servicemanager's start. Our own file.
#include <binder/IBinder.h>
#include <binder/IPCThreadState.h>
#include <binder/Parcel.h>
#include <binder/ProcessState.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

using namespace android;

int main(int argc, char **argv)
{
    const char *driver = argc > 1 ? argv[1] : "/dev/binder";
    double limit = argc > 2 ? atof(argv[2]) : 10.0;
    sp<ProcessState> ps = ProcessState::initWithDriver(driver);
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    status_t last = UNKNOWN_ERROR;
    for (;;) {
        Parcel data, reply;
        last = IPCThreadState::self()->transact(0, IBinder::PING_TRANSACTION, data, &reply, 0);
        if (last == NO_ERROR) {
            return 0;
        }
        clock_gettime(CLOCK_MONOTONIC, &t);
        if ((t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9 > limit) {
            break;
        }
        usleep(20 * 1000);
    }
    fprintf(stderr, "wait_context_manager: no context manager answered on %s within %.0f s "
            "(last status %d)\n", driver, limit, (int)last);
    return 1;
}
