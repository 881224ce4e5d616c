package com.example;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class Main {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String greeting = System.getenv().getOrDefault("GREETING", "none");
        String list = IntStream.rangeClosed(1, n).mapToObj(i -> greeting + i).collect(Collectors.joining(","));
        System.out.println("java-javac: " + list + " java=" + Runtime.version().feature()
                + " cwd=" + System.getProperty("user.dir"));
    }
}
