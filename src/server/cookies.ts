// The visitor's cookies: "Your checks" (the ids of the checks this browser asked for),
// the voter id, and an editor's session. The first and the last are signed with
// hono/cookie's signed helpers and the site's key.
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";

const MINE_COOKIE = "verity_mine";
const MINE_MAX = 50;
const VISITOR_COOKIE = "verity_vid";
const ADMIN_COOKIE = "verity_admin";

const YEAR_SECONDS = 60 * 60 * 24 * 365;

export class SiteCookies {
  constructor(
    /** The key that signs cookies. */
    private readonly secret: () => Promise<string>,
    /** Whether cookies get the Secure flag (an https base URL). */
    private readonly secure: boolean,
  ) {}

  /** The checks this browser asked for, newest first (none when the cookie was tampered with). */
  async mine(c: Context): Promise<string[]> {
    const value = await getSignedCookie(c, await this.secret(), MINE_COOKIE);
    if (!value) return [];
    return value
      .split("~")
      .filter((id) => /^[0-9a-f-]{36}$/.test(id))
      .slice(0, MINE_MAX);
  }

  async addToMine(c: Context, checkId: string): Promise<void> {
    const ids = [checkId, ...(await this.mine(c)).filter((id) => id !== checkId)].slice(0, MINE_MAX);
    await setSignedCookie(c, MINE_COOKIE, ids.join("~"), await this.secret(), this.options(YEAR_SECONDS));
  }

  clearMine(c: Context): void {
    deleteCookie(c, MINE_COOKIE, { path: "/", secure: this.secure });
  }

  /** The browser's voter id (a random value set on its first vote): one vote per browser and check. */
  visitorId(c: Context): string {
    const existing = this.knownVisitor(c);
    if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
    const id = randomBytes(16).toString("base64url");
    setCookie(c, VISITOR_COOKIE, id, this.options(YEAR_SECONDS));
    return id;
  }

  /** The voter id of a browser that has voted before (reading sets none). */
  knownVisitor(c: Context): string | undefined {
    return getCookie(c, VISITOR_COOKIE);
  }

  /** An editor's session value, when its signature is good. */
  async session(c: Context): Promise<string | null> {
    return (await getSignedCookie(c, await this.secret(), ADMIN_COOKIE)) || null;
  }

  async startSession(c: Context, value: string, seconds: number): Promise<void> {
    await setSignedCookie(c, ADMIN_COOKIE, value, await this.secret(), { ...this.options(seconds), sameSite: "Strict" });
  }

  endSession(c: Context): void {
    deleteCookie(c, ADMIN_COOKIE, { path: "/", secure: this.secure });
  }

  private options(maxAge: number) {
    return { path: "/", httpOnly: true, sameSite: "Lax" as const, secure: this.secure, maxAge };
  }
}
