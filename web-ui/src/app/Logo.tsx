export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M6 16c3-5.5 6.3-8 10-8s7 2.5 10 8c-3 5.5-6.3 8-10 8s-7-2.5-10-8z" fill="none" stroke="#fff" strokeWidth="2.2" />
      <circle cx="16" cy="16" r="3.6" fill="#fff" />
    </svg>
  );
}
