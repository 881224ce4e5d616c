package com.example;

import java.util.List;
import java.util.stream.Collectors;

public class Hello {
    public static void main(String[] args) {
        List<String> langs = List.of("java", "javac", "jar");
        String joined = langs.stream().map(String::toUpperCase).collect(Collectors.joining("+"));
        System.out.println("hello from Java " + Runtime.version().feature() + ": " + joined + " = " + Greeter.count(langs));
    }
}
