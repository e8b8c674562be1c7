import { sqlite } from "https://esm.town/v/std/sqlite";
import { TABLE } from "./gone.ts";
export const list = () => sqlite.execute(`SELECT id, title FROM ${TABLE}`);
