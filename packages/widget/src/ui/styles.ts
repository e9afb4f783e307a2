// All of the widget's CSS, scoped by the shadow root. `:host` is reset with
// !important so that no page rule (not even `* { all: unset }`) reaches in;
// colours are custom properties a site can set on `npsloop-widget`. `--kb` is
// how much of the layout viewport an on-screen keyboard covers (see widget.ts).
// On phones, fields use 16px text so that iOS does not zoom in on focus.

const DARK = '--b:var(--npsloop-dark-bg,#1c2128);--f:var(--npsloop-dark-fg,#e6edf3);--m:#a4adb8;--l:#7d8590;--c:#8cb8ff;box-shadow:0 8px 32px #000a,0 0 0 1px #fff2';

const CSS = `:host{all:initial!important}
.p{--a:var(--npsloop-accent,#2563eb);--o:var(--npsloop-on-accent,#fff);--b:var(--npsloop-bg,#fff);--f:var(--npsloop-fg,#1f2328);--m:#57606a;--l:#848d97;--c:var(--a);--r:var(--npsloop-radius,12px);position:fixed;z-index:2147483000;bottom:calc(16px + var(--kb,0px));right:16px;box-sizing:border-box;width:420px;max-width:calc(100vw - 32px);max-height:calc(100vh - 32px - var(--kb,0px));overflow:auto;padding:20px;border-radius:var(--r);background:var(--b);color:var(--f);font:15px/1.45 var(--npsloop-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);text-align:start;box-shadow:0 8px 32px #0003,0 0 0 1px #0000000f}
.bottom-left{right:auto;left:16px}
.bottom-center,.center{right:auto;left:50%;transform:translateX(-50%)}
.center{bottom:auto;top:50%;transform:translate(-50%,-50%)}
.dark{${DARK}}
@media(prefers-color-scheme:dark){.auto{${DARK}}}
button,textarea,input{box-sizing:border-box;margin:0;font:inherit;color:inherit}
.x{position:absolute;top:10px;inset-inline-end:10px;display:grid;place-items:center;width:32px;height:32px;padding:0;border:0;border-radius:8px;background:none;color:var(--m);cursor:pointer}
.x:hover{background:#8883;color:var(--f)}
svg{stroke:currentColor;stroke-width:2;stroke-linecap:round}
.q{display:block;margin:0 0 14px;padding-inline-end:28px;font-size:16px;font-weight:600;unicode-bidi:plaintext}
.s{display:flex;gap:4px}
.s button{flex:1 1 0;min-width:24px;height:40px;padding:0;border:1px solid var(--l);border-radius:6px;background:var(--b);font-weight:600;cursor:pointer}
.s button:hover{border-color:var(--a);box-shadow:inset 0 0 0 1px var(--a)}
.s [aria-checked=true]{background:var(--a);border-color:var(--a);color:var(--o)}
.e{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:13px;color:var(--m)}
#hi{text-align:end}
textarea,input{display:block;width:100%;margin:0 0 12px;padding:8px 10px;border:1px solid var(--l);border-radius:8px;background:var(--b)}
textarea{min-height:80px;resize:vertical}
.l{display:block;margin:0 0 4px;font-size:13px}
.r{display:flex;gap:8px}
.b{min-height:36px;padding:0 18px;border:1px solid var(--a);border-radius:8px;background:var(--a);color:var(--o);font-weight:600;cursor:pointer}
.n{border-color:var(--l);background:none;color:var(--f)}
:focus-visible{outline:2px solid var(--c);outline-offset:2px}
.p:focus{outline:0}
.k{margin:0;padding:4px 0}
.v{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media(max-width:480px){.p{inset:auto 0 var(--kb,0px);width:auto;max-width:none;transform:none;padding:16px 12px max(16px,env(safe-area-inset-bottom));border-radius:var(--r) var(--r) 0 0}.s{gap:2px}textarea,input{font-size:16px}}
@media(prefers-reduced-motion:no-preference){.p{animation:i .2s ease-out}@keyframes i{from{opacity:0;translate:0 8px}}}
@media(forced-colors:active){.s [aria-checked=true]{background:Highlight;color:HighlightText}}
@media print{.p{display:none}}`;

/** Black or white, whichever reads better on a `#rgb`/`#rrggbb` colour; white for anything else. */
export function textOn(colour: string): string {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(colour)?.[1];
  if (!hex) return '#fff';
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const [red, green, blue] = [0, 2, 4].map((offset) => {
    const channel = parseInt(full.slice(offset, offset + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  // Contrast with white vs with #111 (luminance ≈ 0.0056).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0556 ? '#fff' : '#111';
}

/** The stylesheet, with the site's accent colour (already validated by config) as the default accent. */
export function styles(accent?: string): string {
  return (accent ? `:host{--npsloop-accent:${accent};--npsloop-on-accent:${textOn(accent)}}` : '') + CSS;
}
