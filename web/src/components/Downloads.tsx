import { useState } from "react";
import { ApiError, type ApiClient } from "../api/client";
import { saveFile } from "../download";

const files = [
  { file: "result", name: "summary.json" },
  { file: "timeseries", name: "timeseries.csv" },
  { file: "events", name: "events.jsonl" },
  { file: "report", name: "report.html" },
] as const;

/**
 * Every artefact of a run (a sweep's run: its summary only), saved through the API client: a plain link would not
 * carry the API key that reads may need.
 */
export function Downloads({ client, id, summaryOnly }: { client: ApiClient; id: string; summaryOnly: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const download = async (file: (typeof files)[number]["file"], name: string) => {
    setError(null);
    try {
      saveFile(await client.backtestFile(id, file), `${id}-${name}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Downloads</h2>
      <ul className="downloads">
        {(summaryOnly ? files.slice(0, 1) : files).map(({ file, name }) => (
          <li key={file}>
            <button type="button" onClick={() => void download(file, name)}>
              Download {name}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
