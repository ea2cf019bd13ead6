package dev.beian.registry.domain;

/** The what a service generates; several may apply. Stored by name; the database checks the same set. */
public enum CategoryCode {
    TEXT, IMAGE, AUDIO, VIDEO, CODE, MULTIMODAL
}
