import MarkdownIt from 'markdown-it';

// Raw HTML in a note is shown as text, never run: html is off, and markdown-it refuses
// javascript: and data: links by itself.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// Links never open inside the app: browser mode opens them in a new tab; the desktop app
// copies an https or mailto address for the user instead of starting another program.
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('target', '_blank');
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(text: string): string {
  return md.render(text);
}
