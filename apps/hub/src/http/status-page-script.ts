/**
 * The status page's only script, inline and dependency-free (its size is checked in a test and reported):
 * follows the ticket over Server-Sent Events (`/t/:id/live`), whose first message is always the ticket as it
 * is now, so every reconnect is a resync. The browser retries a dropped stream by itself; when it gives up
 * (the hub answered with an error while restarting), the script opens a new one with a growing pause, up to
 * 30 s, for as long as the page is open; a stream silent for 70 s (a phone's dead connection: the hub sends
 * a ping every 25 s) is replaced too. When the ticket is called: the title, and, once the visitor allowed it
 * with the button (browsers allow sound and vibration only after a tap), a chime and a vibration. When the
 * visit ends while the page is open, it loads itself again: the hub then answers `/t/:id` with the survey.
 */
export const STATUS_PAGE_SCRIPT = `(()=>{
const d=document,b=d.body,$=i=>d.getElementById(i),card=$('card'),net=$('net'),btn=$('alerts');
let calls=+b.dataset.calls,es,wait=1e3,retry,quiet,ctx,on=0;
const chime=()=>{if(!on)return;try{navigator.vibrate&&navigator.vibrate([400,200,400,200,800])}catch(e){}
if(ctx){const t=ctx.currentTime;[880,660,880].forEach((f,i)=>{const o=ctx.createOscillator(),g=ctx.createGain();
o.frequency.value=f;g.gain.setValueAtTime(.3,t+i*.4);g.gain.exponentialRampToValueAtTime(.001,t+i*.4+.35);
o.connect(g).connect(ctx.destination);o.start(t+i*.4);o.stop(t+i*.4+.35)})}};
const beat=()=>{clearTimeout(quiet);quiet=setTimeout(open,7e4)};
const show=e=>{const m=JSON.parse(e.data);if(m.status=='done'&&b.dataset.status!='done')return location.reload();wait=1e3;net.hidden=true;card.innerHTML=m.html;d.title=m.title;
b.dataset.status=m.status;if(m.calls>calls&&m.status=='called')chime();calls=m.calls;beat()};
const open=()=>{clearTimeout(retry);es&&es.close();es=new EventSource(location.pathname+'/live');beat();
es.addEventListener('ticket',show);es.addEventListener('ping',beat);
es.onerror=()=>{net.hidden=false;if(es.readyState==2){retry=setTimeout(open,wait);wait=Math.min(wait*2,3e4)}}};
btn.hidden=false;btn.onclick=()=>{on=!on;btn.setAttribute('aria-pressed',on);if(on){
ctx=ctx||new(window.AudioContext||window.webkitAudioContext)();ctx.resume();navigator.vibrate&&navigator.vibrate(60)}};
addEventListener('online',open);d.addEventListener('visibilitychange',()=>{if(!d.hidden&&es.readyState==2)open()});
open()})()`;
