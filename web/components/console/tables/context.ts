/**
 * What the facilitator's map panel needs to know about tables (#13), provided once
 * by the console page so the panels in between do not have to pass it along.
 */
import { type Accessor, createContext, useContext } from "solid-js";
import type { Table } from "../../../../party/model/commands";
import type { Activity, Participant } from "../../../../party/model/doc";

export interface TablesInfo {
  tables: Accessor<readonly Table[]>;
  participants: Accessor<readonly Participant[]>;
  online: Accessor<ReadonlySet<string>>;
  /** the agenda's maps, for choosing where to harvest to */
  maps: Accessor<readonly Activity[]>;
  /** the table the projector shows (null: all tables) */
  screenTable: Accessor<string | null>;
}

export const TablesContext = createContext<TablesInfo>();

/** The tables, or null outside the facilitator's console. */
export function useTables(): TablesInfo | null {
  return useContext(TablesContext) ?? null;
}
