/** Stylesheet of the demo storefront page, served at /assets/storefront.css. */
export const STOREFRONT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;color:#1e293b;background:#f8fafc}
a{color:inherit}
.top{display:flex;justify-content:space-between;align-items:center;padding:16px 32px;background:#fff;border-bottom:1px solid #e2e8f0;position:sticky;top:0;z-index:1}
.brand{font-weight:800;font-size:20px;text-decoration:none;letter-spacing:-.01em}
.lang{font-size:14px;border:1px solid #cbd5e1;border-radius:999px;padding:4px 12px;text-decoration:none}
.hero{padding:48px 32px 32px;background:linear-gradient(120deg,#eef2ff,#fdf2f8);text-align:center}
.hero p{margin:0 auto;max-width:680px;font-size:22px;font-weight:600}
.hero .hint{margin-top:12px;font-size:15px;font-weight:400;color:#475569}
main{max-width:1120px;margin:0 auto;padding:8px 24px 48px}
h2{font-size:18px;margin:32px 0 12px}
.cats{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:8px}
.cats li{background:#fff;border:1px solid #e2e8f0;border-radius:999px;padding:6px 14px;font-size:14px;display:flex;gap:8px;align-items:center}
.cats small{color:#64748b}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:18px}
.product{background:#fff;border:1px solid #e2e8f0;border-radius:14px;overflow:hidden;text-decoration:none;display:flex;flex-direction:column;transition:box-shadow .15s,transform .15s}
.product:hover{box-shadow:0 10px 24px rgba(15,23,42,.08);transform:translateY(-2px)}
.pic{aspect-ratio:4/3;background:#f1f5f9}
.pic img{width:100%;height:100%;object-fit:cover;display:block}
.info{padding:12px 14px 16px;display:flex;flex-direction:column;gap:4px}
.info h3{margin:0;font-size:15px;font-weight:600}
.cat{font-size:12px;color:#64748b;text-transform:uppercase;letter-spacing:.04em}
.price{font-weight:700;color:#4338ca}
.empty{color:#64748b}
.back{font-size:14px;color:#475569;text-decoration:none}
.detail{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:32px;background:#fff;border:1px solid #e2e8f0;border-radius:14px;padding:24px;margin-top:8px}
.detail .pic{border-radius:12px;overflow:hidden}
.detail h1{margin:6px 0;font-size:26px;line-height:1.25}
.detail .price{font-size:22px;margin:4px 0}
.stock{font-size:14px;margin:0 0 12px}
.stock.in{color:#047857}
.stock.out{color:#b91c1c}
.detail .hint{color:#64748b;font-size:14px}
footer{text-align:center;color:#64748b;font-size:13px;padding:24px;border-top:1px solid #e2e8f0;background:#fff}
@media (max-width:600px){.top,.hero{padding-left:16px;padding-right:16px}.hero p{font-size:18px}main{padding:0 16px 32px}.detail{grid-template-columns:1fr;padding:16px}}
`;
