import type { HallConfig } from '@antre/shared';
import { escapeHtml } from './ticket-status-page.js';

export type BookingLang = 'id' | 'en';

/**
 * The words of the booking page, Indonesian first. The page's script shows them in the chosen language and
 * the other beneath where a citizen might need both (the refusals carry both from the hub).
 */
const WORDS = {
  title: { id: 'Janji Temu', en: 'Appointment' },
  lead: {
    id: 'Pesan jam layanan dari rumah, lalu check-in di kios saat tiba.',
    en: 'Book a service time from home, then check in at the kiosk when you arrive.',
  },
  agency: { id: '1. Pilih instansi', en: '1. Choose the agency' },
  service: { id: '2. Pilih layanan', en: '2. Choose the service' },
  requirements: { id: 'Persyaratan yang dibawa', en: 'What to bring' },
  day: { id: '3. Pilih tanggal', en: '3. Choose the day' },
  slot: { id: '4. Pilih jam', en: '4. Choose the time' },
  details: { id: '5. Data diri', en: '5. Your details' },
  name: { id: 'Nama lengkap', en: 'Full name' },
  nik: { id: 'NIK (16 angka, lihat KTP)', en: 'NIK (16 digits, on your ID card)' },
  phone: { id: 'Nomor HP', en: 'Mobile number' },
  book: { id: 'Pesan janji temu', en: 'Book the appointment' },
  free: { id: 'kursi', en: 'seats' },
  full: { id: 'penuh', en: 'full' },
  wait: { id: 'tunggu ± {m} menit', en: 'wait ± {m} min' },
  packages: {
    id: 'Atau pilih paket layanan: beberapa layanan, satu janji temu',
    en: 'Or choose a service package: several services, one booking',
  },
  none: { id: 'Tidak ada jadwal tersedia.', en: 'No times available.' },
  done: { id: 'Janji temu Anda tercatat', en: 'Your appointment is booked' },
  code: { id: 'Kode janji temu', en: 'Booking code' },
  keep: {
    id: 'Simpan kode ini. Tunjukkan QR atau ketik kode/NIK di kios untuk check-in.',
    en: 'Keep this code. Show the QR or type the code or NIK at the kiosk to check in.',
  },
  window: {
    id: 'Check-in dibuka {o} menit sebelum dan ditutup {c} menit sesudah jam janji.',
    en: 'Check-in opens {o} minutes before and closes {c} minutes after your time.',
  },
  calendar: { id: 'Tambah ke kalender (.ics)', en: 'Add to calendar (.ics)' },
  cancelLink: { id: 'Lihat atau batalkan janji', en: 'View or cancel the appointment' },
  cancel: { id: 'Batalkan janji temu', en: 'Cancel the appointment' },
  cancelled: { id: 'Janji temu ini dibatalkan.', en: 'This appointment is cancelled.' },
  again: { id: 'Buat janji temu baru', en: 'Book a new appointment' },
  status: {
    id: { booked: 'Terjadwal', cancelled: 'Dibatalkan', checkedIn: 'Sudah check-in', missed: 'Terlewat' },
    en: { booked: 'Booked', cancelled: 'Cancelled', checkedIn: 'Checked in', missed: 'Missed' },
  },
  other: { id: 'English', en: 'Bahasa Indonesia' },
  failed: { id: 'Tidak tersambung. Coba lagi.', en: 'Could not connect. Please try again.' },
  privacy: {
    id: 'NIK dan nomor HP hanya dipakai untuk janji temu ini dan dihapus {d} hari setelahnya.',
    en: 'Your NIK and phone are used for this appointment only and erased {d} days after it.',
  },
} as const;

/** `/booking`: agency → service → requirements → day → free slot → name, NIK, phone → code, QR, .ics, cancel. */
export function bookingPage(config: HallConfig, lang: BookingLang): string {
  const other: BookingLang = lang === 'id' ? 'en' : 'id';
  const boot = JSON.stringify({ lang, words: WORDS, retention: config.booking.retentionDays }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(WORDS.title[lang])} · ${escapeHtml(config.hall.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><div class="wrap">
<div class="titles"><p class="hall">${escapeHtml(config.hall.name)}</p>
<h1>${escapeHtml(WORDS.title[lang])}</h1></div>
<a class="lang" href="?lang=${other}" hreflang="${other}">${escapeHtml(WORDS.other[lang])}</a>
</div></header>
<main class="wrap" id="app" aria-live="polite"><p>${escapeHtml(WORDS.lead[lang])}</p></main>
<script>window.BOOKING=${boot};</script>
<script>${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:1.0625rem;line-height:1.45;color:#14202b;background:#f4f7fa}
.wrap{max-width:36rem;margin:0 auto;padding:0 1rem}
.top{background:#0b2545;color:#fff;padding:.75rem 0 1rem}
.top .wrap{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 1rem}
.top .titles{min-width:0}
.hall{margin:0;font-size:.9375rem;opacity:.92}
h1{margin:.25rem 0 0;font-size:1.5rem}
.lang{color:#fff;font-size:.9375rem}
h1,h2,p{overflow-wrap:anywhere}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
.choices{display:grid;gap:.5rem}
.choices.grid{grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr))}
button,.button{display:block;font:inherit;min-height:3rem;padding:.625rem .875rem;border-radius:.625rem;border:2px solid #b8c4d0;background:#fff;color:#14202b;text-align:left;cursor:pointer}
button[aria-pressed=true]{border-color:#0b5cad;background:#e8f0fa;font-weight:700}
button:disabled{color:#5b6773;background:#eef1f4;cursor:not-allowed}
button.primary,.button.primary{background:#0b5cad;border-color:#0b5cad;color:#fff;font-weight:700;text-align:center;width:100%}
button.danger{background:#fff;border-color:#b3261e;color:#b3261e;font-weight:700;text-align:center;width:100%}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #ffc629;outline-offset:2px}
.sub{display:block;font-size:.875rem;color:#4a5561}
.dot{display:inline-block;width:.75rem;height:.75rem;border-radius:50%;margin-right:.5rem;vertical-align:middle}
ul.req{margin:.25rem 0 0;padding-left:1.25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{font:inherit;width:100%;min-height:3rem;padding:.5rem .75rem;border:2px solid #8a97a5;border-radius:.5rem;background:#fff;color:#14202b}
.error{margin:.75rem 0;padding:.75rem;border-radius:.5rem;background:#fdecea;color:#8c1d18;border-left:6px solid #b3261e}
.error .en,.card .en{display:block;font-size:.9375rem;color:#4a1410}
.card{background:#fff;border:1px solid #d5dde5;border-radius:.75rem;padding:1rem;margin:1rem 0}
.code{white-space:nowrap;font-size:clamp(1.25rem,9vw,2rem);font-weight:800;letter-spacing:.08em;font-family:ui-monospace,Menlo,Consolas,monospace;margin:.25rem 0}
.qr{width:12rem;height:12rem;display:block;margin:.75rem auto}
.links{display:grid;gap:.5rem;margin-top:.75rem}
a{color:#0b5cad}
.note{font-size:.9375rem;color:#4a5561}
.ok{color:#075c2c;font-weight:700}
`;

/** The page's script: plain DOM, no framework; it only reads the public booking API. */
const SCRIPT = `
(function(){
var B=window.BOOKING,L=B.lang,W=B.words,app=document.getElementById('app');
var st={cat:null,agency:null,service:null,day:null,slot:null};
function w(k){return W[k][L]}
function el(tag,attrs,kids){var e=document.createElement(tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else if(k.slice(0,2)==='on')e.addEventListener(k.slice(2),attrs[k]);else e.setAttribute(k,attrs[k]);}(kids||[]).forEach(function(c){if(c)e.appendChild(c)});return e}
function t(x){return x?(x[L]||x.id):''}
function api(method,path,body){return fetch(path,{method:method,headers:body?{'content-type':'application/json'}:{},body:body?JSON.stringify(body):undefined}).then(function(r){return r.json()})}
function error(reply){var box=el('div',{class:'error',role:'alert'});var txt=reply&&reply.text;box.appendChild(el('span',{text:txt?txt[L]:w('failed')}));if(txt)box.appendChild(el('span',{class:'en',text:L==='id'?txt.en:txt.id,lang:L==='id'?'en':'id'}));return box}
function dayText(d){try{return new Intl.DateTimeFormat(L==='id'?'id-ID':'en-GB',{weekday:'long',day:'numeric',month:'long',timeZone:'UTC'}).format(new Date(d+'T00:00:00Z'))}catch(e){return d}}
function clock(c){return L==='id'?c.replace(':','.'):c}
var ORDER=['s-agency','s-service','s-req','s-day','s-slot','s-form'];
function section(id,title){var s=document.getElementById(id);var n=el('section',{id:id},[el('h2',{text:title})]);if(s){s.replaceWith(n);return n}var later=ORDER.slice(ORDER.indexOf(id)+1).map(function(x){return document.getElementById(x)}).filter(Boolean)[0];if(later)app.insertBefore(n,later);else app.appendChild(n);return n}
function drop(ids){ids.forEach(function(id){var s=document.getElementById(id);if(s)s.remove()})}
function choice(label,sub,pressed,on,disabled){var b=el('button',{type:'button','aria-pressed':String(!!pressed),onclick:on});b.appendChild(document.createTextNode(label));if(sub)b.appendChild(el('span',{class:'sub',text:sub}));if(disabled)b.disabled=true;return b}
function start(){api('GET','/api/booking/catalog').then(function(c){st.cat=c;agencies()}).catch(function(){app.appendChild(error())})}
function agencies(){var s=section('s-agency',w('agency'));var g=el('div',{class:'choices'});st.cat.agencies.forEach(function(a){var b=choice(a.name,null,st.agency===a.id,function(){st.agency=a.id;st.service=null;agencies();services()});b.insertBefore(el('span',{class:'dot',style:'background:'+a.color}),b.firstChild);g.appendChild(b)});s.appendChild(g);var ps=st.cat.packages||[];if(ps.length){s.appendChild(el('h3',{text:w('packages')}));var pg=el('div',{class:'choices','data-testid':'packages'});ps.forEach(function(p){pg.appendChild(choice(t(p.name),p.serviceIds.map(svcName).join(' → '),st.service&&st.service.id===p.id,function(){st.agency=null;st.service={id:p.id,pkg:true,name:p.name,requirements:reqsOf(p)};st.day=null;st.slot=null;agencies();drop(['s-service']);requirements();days()}))});s.appendChild(pg)}if(!st.agency&&!(st.service&&st.service.pkg))drop(['s-service','s-req','s-day','s-slot','s-form'])}
function svcName(id){var x=st.cat.services.filter(function(s){return s.id===id})[0];return x?t(x.name):id}
function reqsOf(p){var r={id:[],en:[]};p.serviceIds.forEach(function(id){var x=st.cat.services.filter(function(s){return s.id===id})[0];if(x){r.id=r.id.concat(x.requirements.id||[]);r.en=r.en.concat(x.requirements.en||[])}});var once=function(v,i,a){return a.indexOf(v)===i};return {id:r.id.filter(once),en:r.en.filter(once)}}
function which(){return (st.service.pkg?'package=':'service=')+encodeURIComponent(st.service.id)}
function services(){var s=section('s-service',w('service'));var g=el('div',{class:'choices'});st.cat.services.filter(function(x){return x.agencyId===st.agency}).forEach(function(x){g.appendChild(choice(t(x.name),null,st.service&&st.service.id===x.id,function(){st.service=x;st.day=null;st.slot=null;services();requirements();days()}))});s.appendChild(g);drop(['s-req','s-day','s-slot','s-form'])}
function requirements(){var s=section('s-req',w('requirements'));var list=el('ul',{class:'req'});(st.service.requirements[L]||[]).forEach(function(r){list.appendChild(el('li',{text:r}))});s.appendChild(list)}
function days(){drop(['s-slot','s-form']);api('GET','/api/booking/days?'+which()).then(function(r){var s=section('s-day',w('day'));var g=el('div',{class:'choices'});if(!r.days.length)s.appendChild(el('p',{text:w('none')}));r.days.forEach(function(d){g.appendChild(choice(dayText(d.day),d.free>0?d.free+' '+w('free'):w('full'),st.day===d.day,function(){st.day=d.day;st.slot=null;days();slots()},d.free===0))});s.appendChild(g)})}
function slots(){drop(['s-form']);api('GET','/api/booking/slots?'+which()+'&day='+st.day).then(function(r){var s=section('s-slot',w('slot'));var g=el('div',{class:'choices grid'});r.slots.forEach(function(x){g.appendChild(choice(clock(x.clock),x.free===0?w('full'):x.legs?'→ '+x.legs.slice(1).map(function(l){return svcName(l.serviceId)+' '+clock(l.clock)}).join(', '):x.free+' '+w('free')+' · '+w('wait').replace('{m}',x.minutes),st.slot&&st.slot.start===x.start,function(){st.slot=x;slots();form()},x.free===0))});s.appendChild(g)})}
function field(id,label,type,extra){var i=el('input',Object.assign({id:id,name:id,type:type,required:'required'},extra||{}));return [el('label',{for:id,text:label}),i]}
function form(){var s=section('s-form',w('details'));var f=el('form',{novalidate:'novalidate'});
[].concat(field('name',w('name'),'text',{autocomplete:'name',maxlength:'80'}),field('nik',w('nik'),'text',{inputmode:'numeric',autocomplete:'off',maxlength:'19',pattern:'[0-9 ]*'}),field('phone',w('phone'),'tel',{autocomplete:'tel',maxlength:'20'})).forEach(function(x){f.appendChild(x)});
var msg=el('div',{});f.appendChild(msg);f.appendChild(el('p',{class:'note',text:w('privacy').replace('{d}',B.retention)}));
var go=el('button',{type:'submit',class:'primary',text:w('book')});f.appendChild(go);
f.addEventListener('submit',function(ev){ev.preventDefault();go.disabled=true;msg.textContent='';
api('POST','/api/booking',{serviceId:st.service.pkg?undefined:st.service.id,packageId:st.service.pkg?st.service.id:undefined,day:st.day,slotStart:st.slot.start,name:f.name.value,nik:f.nik.value,phone:f.phone.value}).then(function(r){go.disabled=false;if(r.ok){done(r.booking)}else{msg.appendChild(error(r));if(r.refusal==='SLOT_FULL'||r.refusal==='DAY_FULL'){slots()}}}).catch(function(){go.disabled=false;msg.appendChild(error())})});
s.appendChild(f)}
function bookingCard(b,title){var svc=st.cat.services.filter(function(x){return x.id===b.serviceId})[0];var c=el('div',{class:'card'});
c.appendChild(el('h2',{text:title}));if(b.legs){c.appendChild(el('p',{text:dayText(b.day)}));var ol=el('ol',{class:'legs','data-testid':'booking-legs'});b.legs.forEach(function(l){ol.appendChild(el('li',{text:clock(l.clock)+' · '+svcName(l.serviceId)}))});c.appendChild(ol)}else c.appendChild(el('p',{text:(svc?t(svc.name):b.serviceId)+' · '+dayText(b.day)+' · '+clock(b.clock)}));
c.appendChild(el('p',{class:'sub',text:w('code')}));c.appendChild(el('p',{class:'code',text:b.code,'data-testid':'booking-code'}));
c.appendChild(el('p',{'data-testid':'booking-status',class:b.status==='booked'?'ok':'',text:W.status[L][b.status]}));return c}
function done(b){app.innerHTML='';var c=bookingCard(b,w('done'));
c.appendChild(el('img',{class:'qr',src:'/api/booking/'+b.code+'/qr.svg',alt:'QR '+b.code}));
c.appendChild(el('p',{text:w('keep')}));c.appendChild(el('p',{class:'note',text:w('window').replace('{o}',st.cat.checkIn.checkInOpensMinutes).replace('{c}',st.cat.checkIn.checkInClosesMinutes)}));
var links=el('div',{class:'links'});links.appendChild(el('a',{class:'button',href:'/api/booking/'+b.code+'/calendar.ics',text:w('calendar')}));links.appendChild(el('a',{class:'button',href:'?lang='+L+'&code='+b.code,text:w('cancelLink'),'data-testid':'manage-link'}));c.appendChild(links);app.appendChild(c);window.scrollTo(0,0)}
function manage(code){api('GET','/api/booking/catalog').then(function(c){st.cat=c;return api('GET','/api/booking/'+encodeURIComponent(code))}).then(function(r){app.innerHTML='';if(!r.ok){app.appendChild(error(r));app.appendChild(el('a',{class:'button primary',href:'?lang='+L,text:w('again')}));return}
var b=r.booking;var c=bookingCard(b,w('title'));var msg=el('div',{});c.appendChild(msg);
if(b.status==='booked'){c.appendChild(el('img',{class:'qr',src:'/api/booking/'+b.code+'/qr.svg',alt:'QR '+b.code}));var x=el('button',{type:'button',class:'danger',text:w('cancel')});x.addEventListener('click',function(){x.disabled=true;api('POST','/api/booking/'+b.code+'/cancel').then(function(r2){if(r2.ok){manage(code)}else{x.disabled=false;msg.appendChild(error(r2))}})});c.appendChild(x)}
else if(b.status==='cancelled'){c.appendChild(el('p',{text:w('cancelled')}))}
var links=el('div',{class:'links'});links.appendChild(el('a',{class:'button primary',href:'?lang='+L,text:w('again'),'data-testid':'book-again'}));c.appendChild(links);app.appendChild(c)})}
var code=new URLSearchParams(location.search).get('code');if(code)manage(code);else start();
})();
`;
