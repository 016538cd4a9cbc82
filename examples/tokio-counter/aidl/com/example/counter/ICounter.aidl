package com.example.counter;

interface ICounter {
    /** Adds `n` to the counter `name` (created at 0) and returns its new value. */
    long add(@utf8InCpp String name, long n);

    /** The value of the counter `name` (0 if it was never added to). */
    long get(@utf8InCpp String name);

    /** How many threads the serving process has (from /proc/self/task). */
    int threads();
}
