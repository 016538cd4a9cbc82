package com.example;

// The interface benches/interface.rs calls through the generated proxy and stub.
interface IEcho {
    String echo(String s);
    int repeat_int(int v);
}
