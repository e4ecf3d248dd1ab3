/** A login session at the authorization server; `userId` is null until the person has signed in. */
export interface StoredSession {
  id: string;
  csrfToken: string;
  userId: string | null;
  expiresAt: Date;
}

export interface NewSession {
  tokenHash: string;
  csrfToken: string;
  userId: string | null;
  expiresAt: Date;
}

/** Server-side sessions, found by the SHA-256 of the cookie value (the value itself is never stored). */
export abstract class SessionRepository {
  /** Stores the session; returns its id. */
  abstract create(session: NewSession): Promise<string>;

  /** The unexpired session with this token hash. */
  abstract findByTokenHash(tokenHash: string): Promise<StoredSession | null>;

  abstract delete(id: string): Promise<void>;
}
