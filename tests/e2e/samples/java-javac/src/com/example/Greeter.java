package com.example;

import java.util.List;

final class Greeter {
    private Greeter() {}

    static int count(List<String> items) {
        return items.stream().mapToInt(String::length).sum();
    }
}
