/**
 * The room client every role uses: Solid signals over a RoomConnection.
 *
 *   const room = createRoom({ workshopId, token, actorKey: participantId });
 *   room.workshop()?.currentActivityId;  room.cards();  room.connection();
 *   const sent = room.send("card.add", { activityId, lane, kind, text });
 *   room.status(sent.id)  // pending → saved | refused
 *
 * Call it inside a component (or createRoot): it disconnects on cleanup.
 */
import { type Accessor, createSignal, getOwner, onCleanup } from "solid-js";
import type * as Y from "yjs";
import type { Ballot, CommandArgs, CommandName, FeedbackAnswers } from "../../party/model/commands";
import {
  type Activity,
  type Card,
  type Comment,
  type Link,
  type Participant,
  roots,
  type Translation,
  type WorkshopInfo,
} from "../../party/model/doc";
import { type Actor, type MineMessage, type PrivateMessage, ROOM_PARTY } from "../../party/model/protocol";
import type { Tally } from "../../party/model/tally";
import { postTicket } from "./api";
import {
  type CloseReason,
  type CommandOutcome,
  type CommandStatus,
  type ConnectionState,
  type PresenceEntry,
  RoomConnection,
} from "./room/connection";
import { hasHandedTicket, takeHandedTicket } from "./room/ticket";
import { type KeyValueStore, local } from "./storage";

export type { CloseReason, CommandOutcome, CommandStatus, ConnectionState, PresenceEntry } from "./room/connection";

export interface SentCommand {
  id: string;
  outcome: Promise<CommandOutcome>;
}

export interface PendingView {
  id: string;
  name: CommandName;
  args: unknown;
}

export interface RefusedView {
  id: string;
  name: CommandName;
  args: unknown;
  error: { code: string; message: string };
}

/**
 * privacy (#12): what is one person's own, from the room's private `mine` message. The shared
 * doc a phone holds names nobody (party/model/replica.ts): this is how it knows its own cards
 * (to edit or delete), comments and supports, and its own entry (name, group, table).
 */
export interface Own {
  participant: Participant | null;
  cards: ReadonlySet<string>;
  comments: ReadonlySet<string>;
  supports: ReadonlySet<string>;
}

const NOTHING_OWN: Own = { participant: null, cards: new Set(), comments: new Set(), supports: new Set() };

const ownOf = (m: MineMessage): Own => ({
  participant: m.participant,
  cards: new Set(m.cards),
  comments: new Set(m.comments),
  supports: new Set(m.supports),
});

export interface Turnout {
  voters: number;
  byGroup: Record<string, number>;
}

export interface Room {
  readonly workshopId: string;
  /** the long-lived token the room was opened with (closed activities are fetched with it) */
  readonly token: string;
  connection: Accessor<ConnectionState>;
  closeReason: Accessor<CloseReason | null>;
  /** who the room says we are (from hello); null until the first hello */
  me: Accessor<Actor | null>;
  doc: Accessor<Y.Doc>;
  /** null until the doc holds the workshop (from the cache or the room) */
  workshop: Accessor<WorkshopInfo | null>;
  activities: Accessor<Record<string, Activity>>;
  participants: Accessor<Record<string, Participant>>;
  cards: Accessor<Record<string, Card>>;
  comments: Accessor<Record<string, Comment>>;
  links: Accessor<Record<string, Link>>;
  results: Accessor<Record<string, Tally>>;
  /** everyone counts: translations by `language:target` (doc.ts translationKey) */
  translations: Accessor<Record<string, Translation>>;
  presence: Accessor<PresenceEntry[]>;
  /** private: my ballot per vote activity (null = none cast) */
  ballots: Accessor<Record<string, Ballot | null>>;
  /** private: my feedback answers per activity */
  feedback: Accessor<Record<string, FeedbackAnswers | null>>;
  /** private: my own cards in a silent map before reveal, per activity */
  privateCards: Accessor<Record<string, Card[]>>;
  /** private: turnout per vote activity, when the room sends it */
  turnout: Accessor<Record<string, Turnout>>;
  /** privacy (#12): a participant's (or kiosk turn's) own cards, comments, supports and entry */
  own(participantId: string): Own;
  /** tables (#13): the table I sit at (a host: its table); null when at none */
  myTable: Accessor<string | null>;
  /** commands made but not acknowledged yet (survive reloads), oldest first */
  pending: Accessor<PendingView[]>;
  status(id: string): CommandStatus | undefined;
  /** commands the room refused in this session, with what was sent, until dismissed */
  refused: Accessor<RefusedView[]>;
  dismiss(id: string): void;
  send<N extends CommandName>(name: N, args: CommandArgs<N>): SentCommand;
  /** the room's clock, epoch ms: use for timers */
  serverNow(): number;
  close(): void;
}

export interface CreateRoomOptions {
  workshopId: string;
  /** the long-lived token (participant, facilitator, screen or evaluator) */
  token: string;
  /** who is acting, for the pending-command store: participant id, or the console role */
  actorKey: string;
  /** keep the doc on the device for instant reloads (phones). Default true. */
  cacheDoc?: boolean;
  store?: KeyValueStore;
}

export function socketUrl(workshopId: string, ticket: string): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/parties/${ROOM_PARTY}/${encodeURIComponent(workshopId)}?ticket=${encodeURIComponent(ticket)}`;
}

export function createRoom(options: CreateRoomOptions): Room {
  const [connection, setConnection] = createSignal<ConnectionState>("connecting");
  const [closeReason, setCloseReason] = createSignal<CloseReason | null>(null);
  const [me, setMe] = createSignal<Actor | null>(null);
  const [presence, setPresence] = createSignal<PresenceEntry[]>([]);
  const [ballots, setBallots] = createSignal<Record<string, Ballot | null>>({});
  const [feedback, setFeedback] = createSignal<Record<string, FeedbackAnswers | null>>({});
  const [privateCards, setPrivateCards] = createSignal<Record<string, Card[]>>({});
  const [turnout, setTurnout] = createSignal<Record<string, Turnout>>({});
  const [own, setOwn] = createSignal<Record<string, Own>>({});
  // tables (#13): undefined until a facilitator moves us; then the room's word beats the hello's.
  const [seat, setSeat] = createSignal<string | null | undefined>(undefined);
  const [statuses, setStatuses] = createSignal<ReadonlyMap<string, CommandStatus>>(new Map());
  const [pending, setPending] = createSignal<PendingView[]>([]);

  const onPrivate = (message: PrivateMessage): void => {
    switch (message.kind) {
      case "ballot":
        setBallots((all) => ({ ...all, [message.activityId]: message.ballot }));
        break;
      case "feedback":
        setFeedback((all) => ({ ...all, [message.activityId]: message.answers }));
        break;
      case "cards":
        setPrivateCards((all) => ({ ...all, [message.activityId]: message.cards }));
        break;
      case "turnout":
        setTurnout((all) => ({ ...all, [message.activityId]: { voters: message.voters, byGroup: message.byGroup } }));
        break;
      case "seat":
        setSeat(message.table);
        break;
      case "mine":
        setOwn((all) => ({ ...all, [message.participantId]: ownOf(message) }));
        break;
    }
  };

  const conn: RoomConnection = new RoomConnection({
    workshopId: options.workshopId,
    token: options.token,
    actorKey: options.actorKey,
    store: options.store ?? local,
    cacheDoc: options.cacheDoc ?? true,
    // perf (#17): a phone that has just joined connects without waiting for its cache to open.
    freshStart: hasHandedTicket(options.token),
    // perf (#17): the join answer's ticket for the first connect; every other connect asks.
    fetchTicket: async (token, workshopId) => takeHandedTicket(token) ?? (await postTicket(token, workshopId)).ticket,
    openSocket: (url) => new WebSocket(url),
    socketUrl,
    network: typeof window === "undefined" ? null : window,
    events: {
      state: (state, reason) => {
        setConnection(state);
        setCloseReason(reason);
      },
      hello: (hello) => {
        setMe(hello.you);
        setSeat(undefined);
      },
      command: (id, status) => {
        setStatuses((all) => new Map(all).set(id, status));
        setPending([...conn.pending()]);
      },
      private: onPrivate,
      presence: setPresence,
      doc: (doc) => bindDoc(doc),
    },
  });

  // One signal per root, re-read only when that root changes. Values are plain JSON
  // objects replaced whole by the room, so unchanged entries keep their identity and
  // <For> re-renders only what changed.
  const [doc, setDoc] = createSignal<Y.Doc>(conn.doc, { equals: false });
  const [workshop, setWorkshop] = createSignal<WorkshopInfo | null>(null);
  const [activities, setActivities] = createSignal<Record<string, Activity>>({});
  const [participants, setParticipants] = createSignal<Record<string, Participant>>({});
  const [cards, setCards] = createSignal<Record<string, Card>>({});
  const [comments, setComments] = createSignal<Record<string, Comment>>({});
  const [links, setLinks] = createSignal<Record<string, Link>>({});
  const [results, setResults] = createSignal<Record<string, Tally>>({});
  const [translations, setTranslations] = createSignal<Record<string, Translation>>({});

  function bindDoc(current: Y.Doc): void {
    const r = roots(current);
    const readWorkshop = (): void => {
      const json = r.workshop.toJSON() as Partial<WorkshopInfo>;
      setWorkshop(typeof json.id === "string" ? (json as WorkshopInfo) : null);
    };
    const follow = <T>(map: Y.Map<T>, set: (value: Record<string, T>) => void): void => {
      const read = (): void => set(map.toJSON() as Record<string, T>);
      map.observe(read);
      read();
    };
    r.workshop.observe(readWorkshop);
    readWorkshop();
    follow(r.activities, setActivities);
    follow(r.participants, setParticipants);
    follow(r.cards, setCards);
    follow(r.comments, setComments);
    follow(r.links, setLinks);
    follow(r.results, setResults);
    follow(r.translations, setTranslations);
    setDoc(current);
  }

  const refused = (): RefusedView[] => {
    const list: RefusedView[] = [];
    for (const [id, status] of statuses()) {
      if (status.state === "refused" && status.args !== undefined) {
        list.push({ id, name: status.name, args: status.args, error: status.error });
      }
    }
    return list;
  };

  bindDoc(conn.doc);
  setPending([...conn.pending()]);
  setStatuses(new Map(conn.statuses));
  conn.start();
  if (getOwner()) onCleanup(() => conn.stop());

  return {
    workshopId: options.workshopId,
    token: options.token,
    connection,
    closeReason,
    me,
    doc,
    workshop,
    activities,
    participants,
    cards,
    comments,
    links,
    results,
    translations,
    presence,
    ballots,
    feedback,
    privateCards,
    turnout,
    own: (participantId) => own()[participantId] ?? NOTHING_OWN,
    myTable: () => {
      const moved = seat();
      return moved !== undefined ? moved : (me()?.table ?? null);
    },
    pending,
    status: (id) => statuses().get(id),
    refused,
    dismiss: (id) =>
      setStatuses((all) => {
        const next = new Map(all);
        next.delete(id);
        return next;
      }),
    send: (name, args) => {
      const id = crypto.randomUUID();
      return { id, outcome: conn.send(name, args, id) };
    },
    serverNow: () => conn.serverNow(),
    close: () => conn.stop(),
  };
}
