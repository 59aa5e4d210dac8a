/** The app mark: an open notebook with two facing pages, one per language. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1f5f5b" />
      <path d="M12 18c7-3 14-3 20 1v29c-6-4-13-4-20-1z" fill="#f6f4ef" />
      <path d="M52 18c-7-3-14-3-20 1v29c6-4 13-4 20-1z" fill="#e9c46a" />
      <path
        d="M17 26h10M17 32h10M17 38h7M37 26h10M37 32h10M37 38h7"
        stroke="#1f5f5b"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
