// The interface of binder-sim's examples/common/echo.rs, in AIDL: descriptor
// "com.example.IEcho", echo = FIRST_CALL_TRANSACTION (1), String as String16.
package com.example;

interface IEcho {
    String echo(in String s);
}
