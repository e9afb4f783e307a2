/* global npsloop */
// A tiny hash-routed single-page app. After an order is placed it tells the
// widget where the visitor is (track) and asks for feedback (show).
const views = {
  '/': () => '<h1>Welcome</h1><p>Browse around; the survey waits until you buy something.</p>',
  '/product': () => '<h1>Widget Pro</h1><p>The best widget money can buy.</p><p><a href="#/checkout">Buy now</a></p>',
  '/checkout': () => '<h1>Checkout</h1><p>One Widget Pro, €49.</p><button type="button" id="place-order">Place order</button>',
  '/done': () => '<h1>Thank you for your order</h1><p>Your Widget Pro is on its way.</p>',
};

// Who the visitor is, as a logged-in app would know it: the survey then asks
// for consent to contact them about their answer.
npsloop('identify', { userId: 'demo-customer-1', traits: { plan: 'pro', orders: 3 } });

function render() {
  const route = location.hash.slice(1) || '/';
  const view = document.getElementById('view');
  view.innerHTML = (views[route] || views['/'])();
  view.focus();
  document.getElementById('place-order')?.addEventListener('click', () => {
    location.hash = '#/done';
  });
  if (route === '/done') {
    npsloop('track', 'checkout-done');
    npsloop('show');
  }
}

window.addEventListener('hashchange', render);
render();
