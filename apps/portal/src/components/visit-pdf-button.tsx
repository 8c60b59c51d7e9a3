/**
 * The visit summary as PDF: a plain link to the portal's own route, which asks the API for a
 * short-lived download link and fetches it with the session's token on the server (the token never
 * reaches the browser; the link is useless without it).
 */
export function VisitPdfButton({ versionId, day }: { versionId: string; day: string }) {
  return (
    <p style={{ marginBottom: 0 }}>
      <a
        className="button secondary small"
        href={`/api/record/pdf/${versionId}`}
        download
        data-testid="visit-pdf"
      >
        Скачать PDF<span className="sr-only"> заключения за {day}</span>
      </a>
    </p>
  );
}
