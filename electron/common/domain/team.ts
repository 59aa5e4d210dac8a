import type { ChangedBy, MemberRef, Note } from './forum-schema';
import type { DelegationProfile, Settings } from './workspace-schema';

/**
 * The member who uses this laptop ("me"), the author of what is written here: the member
 * chosen in the profile; else the only member; else the member named as the head of
 * delegation; else the head of delegation's name alone (as before members existed).
 */
export function currentMember(
  profile: Pick<DelegationProfile, 'members' | 'headName'>,
  settings: Pick<Settings, 'meMemberId'>,
): MemberRef {
  const members = profile.members;
  const chosen = members.find((m) => m.id === settings.meMemberId);
  const member =
    chosen ??
    (members.length === 1 ? members[0] : undefined) ??
    members.find((m) => m.name.trim() !== '' && m.name.trim() === profile.headName.trim());
  return member
    ? { memberId: member.id, name: member.name }
    : { memberId: null, name: profile.headName };
}

/** Who changed something now: this laptop's member, and the time. */
export function changedByMe(
  profile: Pick<DelegationProfile, 'members' | 'headName'>,
  settings: Pick<Settings, 'meMemberId'>,
  at: string,
): ChangedBy {
  return { ...currentMember(profile, settings), at };
}

/** A member's key in a session's coverage: the profile id, else the name a colleague gave. */
export function memberKey(ref: MemberRef): string {
  return ref.memberId ?? ref.name;
}

/**
 * The name to show for a member a record names: as the profile has it now when the member
 * is in this laptop's profile (a renamed member shows the new name), else as recorded.
 */
export function memberName(
  ref: { memberId: string | null; name: string } | null | undefined,
  members: readonly { id: string; name: string }[],
): string {
  if (!ref) return '';
  return members.find((m) => m.id === ref.memberId)?.name ?? ref.name;
}

/** Who wrote a note: its maker, then whoever last wrote a side, each named once. */
export function noteAuthors(note: Pick<Note, 'author' | 'bodyAuthors'>): string[] {
  const names = [note.author, note.bodyAuthors?.id?.name, note.bodyAuthors?.en?.name];
  return [...new Set(names.map((n) => n?.trim() ?? '').filter(Boolean))];
}
