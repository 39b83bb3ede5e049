import type { documentOutput } from "@shared/schemas/exemptions.js";
import { useMutation } from "@tanstack/react-query";
import { api, apiUrl } from "@web/api/client.js";
import type { z } from "zod";

export type DocumentOutput = z.infer<typeof documentOutput>;

/** A stored evidence document as listed under its exemption or accountability request. */
export interface DocumentSummary {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/** The address of a stored document; the session cookie authorises the (audited) download. */
export function documentUrl(documentId: string): string {
  return apiUrl(`/documents/${documentId}`);
}

/** Uploads one evidence file (field `file`) to an exemption or accountability request. */
export function useUploadDocument(path: string, onUploaded: () => void) {
  return useMutation({
    mutationFn: (file: File | null) => {
      const form = new FormData();
      if (file) form.append("file", file);
      return api<DocumentOutput>(path, { method: "POST", form });
    },
    onSuccess: onUploaded,
  });
}
