/** File sizes in the sentences people read: "12.3 MB" (refusals from extraction and core alike). */
export const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
