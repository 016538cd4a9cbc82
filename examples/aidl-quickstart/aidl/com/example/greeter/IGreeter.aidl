package com.example.greeter;

interface IGreeter {
    /** "Hello, <name>!" */
    @utf8InCpp String greet(@utf8InCpp String name);

    /** How many times greet() was called in the service. */
    int count();
}
