-- +goose Up
CREATE TABLE t (id integer PRIMARY KEY);
