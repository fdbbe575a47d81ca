// This browser's id as a workshop owner: kept in its storage, so a tab closed
// and reopened from the same link is the same owner and takes its claim back,
// while another laptop (or another browser profile) is someone else.

const KEY = 'mpp-workshop-owner';

export function ownerId(): string {
  const kept = localStorage.getItem(KEY);
  if (kept) return kept;
  const id = crypto.randomUUID().slice(0, 8);
  localStorage.setItem(KEY, id);
  return id;
}
