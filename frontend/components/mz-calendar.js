// <mz-calendar>: a month / week / list calendar (FullCalendar 6, MIT) for Mingze's Vaadin views.
// The server sets `events` (a JSON array of {id, title, start, end, color, classNames}), `view`, `date` and
// `locale` ("zh-cn" or "en"); the element fires `mz-date-click` {date: "YYYY-MM-DD"}, `mz-event-click` {id} and
// `mz-range` {start, end, view} when the visible range changes, so the server can load that range.
// FullCalendar injects its own CSS into the document head, so the calendar renders in the light DOM.
import { Calendar } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';

class MzCalendar extends HTMLElement {
  static get observedAttributes() {
    return ['view', 'date', 'locale'];
  }

  constructor() {
    super();
    this._events = [];
    this._calendar = null;
  }

  set events(value) {
    this._events = Array.isArray(value) ? value : JSON.parse(value || '[]');
    if (this._calendar) {
      this._calendar.removeAllEventSources();
      this._calendar.addEventSource(this._events);
    }
  }

  get events() {
    return this._events;
  }

  connectedCallback() {
    if (this._calendar) {
      return;
    }
    const host = document.createElement('div');
    host.className = 'mz-calendar-host';
    this.appendChild(host);
    const narrow = window.matchMedia('(max-width: 640px)').matches;
    this._calendar = new Calendar(host, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      locales: [zhCnLocale],
      locale: this.getAttribute('locale') || 'zh-cn',
      initialView: this.getAttribute('view') || (narrow ? 'listMonth' : 'dayGridMonth'),
      initialDate: this.getAttribute('date') || undefined,
      headerToolbar: narrow
        ? { left: 'prev,next', center: 'title', right: 'dayGridMonth,listMonth' }
        : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' },
      height: 'auto',
      firstDay: 1,
      nowIndicator: true,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      events: this._events,
      dateClick: (info) => this._fire('mz-date-click', { date: info.dateStr.substring(0, 10) }),
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        this._fire('mz-event-click', { id: info.event.id });
      },
      datesSet: (info) => this._fire('mz-range', {
        start: info.startStr.substring(0, 10),
        end: info.endStr.substring(0, 10),
        view: info.view.type,
      }),
    });
    this._calendar.render();
  }

  disconnectedCallback() {
    if (this._calendar) {
      this._calendar.destroy();
      this._calendar = null;
      this.innerHTML = '';
    }
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this._calendar || oldValue === value) {
      return;
    }
    if (name === 'view' && value) {
      this._calendar.changeView(value);
    } else if (name === 'date' && value) {
      this._calendar.gotoDate(value);
    } else if (name === 'locale' && value) {
      this._calendar.setOption('locale', value);
    }
  }

  _fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('mz-calendar', MzCalendar);
