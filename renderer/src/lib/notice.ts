// The kinds of message the Notice component shows, in a plain module so state classes can hold one too.
export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

/** What a view or a state class keeps to show in a Notice. */
export type NoticeMessage = { kind: NoticeKind; text: string };
